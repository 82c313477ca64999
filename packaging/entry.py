"""Entry script of the frozen PhotoDedup bundle built by packaging/photodedup.spec."""

import multiprocessing
import sys

if __name__ == "__main__":
    # In a frozen app every spawned scan worker starts this same executable: freeze_support()
    # turns it into a worker and never returns there. It runs before the GUI import below so
    # workers do not load Qt for nothing.
    multiprocessing.freeze_support()
    from photodedup.gui.app import main

    sys.exit(main())
