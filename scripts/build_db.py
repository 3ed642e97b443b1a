#!/usr/bin/env python
"""Build a datasette-factcheck database: python scripts/build_db.py OUTPUT.db [INPUT ...]"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # runnable from a checkout too

from datasette_factcheck.cli import build_command

if __name__ == "__main__":
    build_command()
