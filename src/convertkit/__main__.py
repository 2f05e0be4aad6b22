"""``python -m convertkit``."""
from .cli import run

run()
