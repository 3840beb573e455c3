import sys

from jinshan_desktop.cli import main

sys.exit(main())
