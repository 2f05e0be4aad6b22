"""``python -m convertkit``."""
import sys

from .cli import main

sys.exit(main())
