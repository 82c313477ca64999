"""The PhotoDedup engine: plain Python, never imports Qt."""
