"""Entry script for the frozen build: the same main() as `jinshan-desktop` and `python -m jinshan_desktop`."""

import sys

from jinshan_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
