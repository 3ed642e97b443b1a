#!/usr/bin/env python
"""Score a database against gold annotations: python scripts/evaluate.py DB GOLD.json"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # runnable from a checkout too

from datasette_factcheck.cli import evaluate_command

if __name__ == "__main__":
    evaluate_command()
