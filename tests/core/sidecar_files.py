"""Sidecars made by code for the companion tests: Lightroom XMP, Google Takeout JSON."""

from __future__ import annotations

import json
from pathlib import Path

LIGHTROOM_XMP = """<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmp:Rating="{rating}" crs:HasSettings="{edits}" crs:Exposure2012="+0.35">
   <dc:subject><rdf:Bag>{keywords}</rdf:Bag></dc:subject>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
"""


def xmp(rating: int = 0, edits: bool = False, keywords: tuple[str, ...] = ()) -> str:
    words = "".join(f"<rdf:li>{k}</rdf:li>" for k in keywords)
    return LIGHTROOM_XMP.format(rating=rating, edits="True" if edits else "False", keywords=words)


def takeout_json(title: str, when: int = 1622548800, lat: float = 48.8584) -> str:
    return json.dumps(
        {
            "title": title,
            "photoTakenTime": {"timestamp": str(when)},
            "geoData": {"latitude": lat, "longitude": 2.2945, "altitude": 0.0},
        }
    )


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data)
    else:
        path.write_bytes(data)
    return path
