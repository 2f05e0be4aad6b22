#!/usr/bin/env python3
"""Reader accuracy: run ../shared/eval/score_set.py over the sample page and the five
人民日报 pages through ``convertkit --to tei`` and print the per-page and pooled table.

    python benchmarks/reader_accuracy.py [--shared ../shared]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    shared = Path(args.shared)
    scorer = shared / "eval" / "score_set.py"
    if not scorer.exists():
        print(f"no scorer at {scorer}", file=sys.stderr)
        return 1
    pairs = [f"{ROOT / 'samples' / 'page.txt'}:{shared / 'samples' / 'page.truth.json'}"]
    pairs += [f"{p}:{p.with_name(p.stem + '.truth.json')}" for p in sorted((shared / "newspages").glob("rmrb-*.txt"))]
    cmd = f"{sys.executable} -m convertkit {{in}} --to tei -o {{out}}"
    return subprocess.run([sys.executable, str(scorer), cmd, *pairs]).returncode


if __name__ == "__main__":
    sys.exit(main())
