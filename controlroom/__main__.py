"""`python -m controlroom`."""

import sys

from controlroom.app import main

if __name__ == "__main__":  # not when a spawned child process imports it (services/recap_pass.py)
    sys.exit(main())
