#!/usr/bin/env python3
"""Time per MB of input for the text reader and every writer, at growing sizes: linear code
gives the same seconds per MB at every size (issue #20, row 15).

    python benchmarks/growth_linear.py [--sizes 1,8,64]

Inputs are made here: plain text of short lines (the text reader's line joining), and the
document model's JSON with many paragraphs and with one paragraph of many inline runs (the
writers). Each row: format, input kind, MB, seconds, seconds per MB.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def text_input(mb: float, path: Path) -> None:
    line = "新闻\n"  # 7 bytes
    path.write_text(line * int(mb * 1024 * 1024 / len(line.encode())), encoding="utf-8")


def paragraphs_input(mb: float, path: Path) -> None:
    n = int(mb * 1024 * 1024 / 73)
    paras = [{"t": "Para", "content": [{"t": "Text", "text": f"段落文字{i}"}]} for i in range(n)]
    path.write_text(json.dumps({"convertkit-api-version": [1, 1], "t": "Document", "blocks": paras},
                               ensure_ascii=False), encoding="utf-8")


def runs_input(mb: float, path: Path) -> None:
    n = int(mb * 1024 * 1024 / 64)
    runs = [{"t": "Emph", "content": [{"t": "Text", "text": f"字{i}"}]} for i in range(n)]
    path.write_text(json.dumps({"convertkit-api-version": [1, 1], "t": "Document",
                                "blocks": [{"t": "Para", "content": runs}]}, ensure_ascii=False), encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,8,64", help="MB, comma-separated")
    ap.add_argument("--formats", default="txt,tei,html,epub,docx,markdown,json,pandoc-json")
    args = ap.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    formats = args.formats.split(",")
    print(f"{'input':<12}{'format':<13}{'MB':>6}{'s':>9}{'s/MB':>8}")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        cases = [("text lines", text_input, "text", ["txt"]),
                 ("paragraphs", paragraphs_input, "json", formats),
                 ("inline runs", runs_input, "json", formats)]
        for kind, make, reader, fmts in cases:
            for mb in sizes:
                src = tmp / f"in-{mb}.{'txt' if reader == 'text' else 'json'}"
                make(mb, src)
                real_mb = src.stat().st_size / 1024 / 1024
                for fmt in fmts:
                    t0 = time.perf_counter()
                    r = subprocess.run([sys.executable, "-m", "convertkit", str(src), "--from", reader, "--to", fmt,
                                        "-o", str(tmp / "out"), "-q", "--max-input-size", "100M"], capture_output=True)
                    secs = time.perf_counter() - t0
                    status = "" if r.returncode == 0 else f"  exit {r.returncode}: {r.stderr.decode()[-80:].strip()}"
                    print(f"{kind:<12}{fmt:<13}{real_mb:>6.1f}{secs:>9.2f}{secs / real_mb:>8.2f}{status}", flush=True)
                os.unlink(src)
    return 0


if __name__ == "__main__":
    sys.exit(main())
