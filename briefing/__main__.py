"""``python -m briefing``: the same as the ``briefing`` command; also the bundle's entry point."""

import multiprocessing
import sys

if __name__ == "__main__":
    # In a frozen bundle the import's child process starts from this file: freeze_support runs the
    # child's work there and exits, instead of opening a second app.
    multiprocessing.freeze_support()
    from briefing.cli import main

    sys.exit(main())
