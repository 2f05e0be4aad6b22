#!/usr/bin/env python3
"""Reading speed of the newspage reader: milliseconds per page (best of REPEAT runs, warm:
the word list is loaded once per process; this machine's timings vary by half between runs,
so the best of several is the figure that compares) for the sample and the real pages in ../shared, beside
pdftotext's own time to extract the same pages from their PDFs, in the same run; and the
newspage-pdf reader on those PDFs (when pypdfium2 is installed).

    python benchmarks/reader_speed.py [--shared ../shared]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPEAT = 7


def best_of(n: int, fn) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    import convertkit
    from convertkit_newspage import lexicon

    t0 = time.perf_counter()
    lexicon.words()
    print(f"word list loaded once per process: {1000 * (time.perf_counter() - t0):.0f} ms")
    pages = [ROOT / "samples" / "page.txt", *sorted((Path(args.shared) / "newspages").glob("rmrb-*.txt"))]
    rates, pdf_rates, ratios = [], [], []
    try:
        import pypdfium2  # noqa: F401
        has_pdf = True
    except ImportError:
        has_pdf = False
    print(f"{'page':<14}{'read ms':>9}{'pdftotext ms':>14}{'PDF read ms':>13}{'PDF/pdftotext':>14}")
    for page in pages:
        data = page.read_bytes()
        convertkit.read(data, "newspage")
        secs = best_of(REPEAT, lambda: convertkit.read(data, "newspage"))
        rates.append(1 / secs)
        pdf = page.with_suffix(".pdf")
        peer = own = ratio = ""
        peer_secs = None
        if pdf.exists() and shutil.which("pdftotext"):
            peer_secs = best_of(REPEAT, lambda: subprocess.run(['pdftotext', str(pdf), '-'], capture_output=True))
            peer = f"{1000 * peer_secs:.1f}"
        if pdf.exists() and has_pdf:
            raw = pdf.read_bytes()
            pdf_secs = best_of(REPEAT, lambda: convertkit.read(raw, "newspage-pdf"))
            pdf_rates.append(1 / pdf_secs)
            own = f"{1000 * pdf_secs:.1f}"
            if peer_secs:
                ratios.append(pdf_secs / peer_secs)
                ratio = f"{ratios[-1]:.2f}"
        print(f"{page.name:<14}{1000 * secs:>9.1f}{peer:>14}{own:>13}{ratio:>14}")
    print(f"median: {statistics.median(rates):.0f} pages/s on one core (text)")
    if pdf_rates:
        print(f"median: {statistics.median(pdf_rates):.1f} pages/s on one core (PDF, newspage-pdf)")
    if ratios:
        print(f"median: the PDF reader takes {statistics.median(ratios):.2f}x pdftotext's time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
