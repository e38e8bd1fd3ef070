"""`python -m controlroom`."""

import sys

from controlroom.app import main

sys.exit(main())
