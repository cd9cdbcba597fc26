import sys

from eightk.cli import main

sys.exit(main())
