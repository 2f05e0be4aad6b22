"""Per-page cost of the DOCX writer, against python-docx used the plain way in the same run.

The peer builds the same paragraphs with styles on a fresh ``docx.Document()`` per page (the
template load included), which is what a script using python-docx directly pays. convertkit
loads and styles the template once per process and reuses it.

    python benchmarks/docx_speed.py [PAGE.txt] [--repeat N]
"""
from __future__ import annotations

import argparse
import io
import statistics
import time
from pathlib import Path

import docx

import convertkit
from convertkit.model import Article, Para, Section, articles, plain

ROOT = Path(__file__).resolve().parent.parent


def peer(doc) -> bytes:
    d = docx.Document()
    d.add_paragraph(doc.meta.get("label") or "page", style="Title")
    for a in articles(doc):
        d.add_paragraph(plain(a.headline), style="Heading 1")
        for b in a.blocks:
            if isinstance(b, Para):
                d.add_paragraph(plain(b.content), style="Body Text")
            elif isinstance(b, Section):
                d.add_paragraph(plain(b.heading), style="Heading 2")
                for x in b.blocks:
                    if isinstance(x, Para):
                        d.add_paragraph(plain(x.content), style="Body Text")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("page", nargs="?", default=str(ROOT / "samples" / "page.txt"))
    ap.add_argument("--repeat", type=int, default=50)
    args = ap.parse_args()
    doc = convertkit.read(args.page)
    assert isinstance(doc.blocks[0], Article)
    t0 = time.perf_counter()
    convertkit.write(doc, "docx")  # first page: template load and styling
    first = (time.perf_counter() - t0) * 1000
    ours = timed(lambda: convertkit.write(doc, "docx"), args.repeat)
    theirs = timed(lambda: peer(doc), args.repeat)
    m_ours, m_theirs = statistics.median(ours), statistics.median(theirs)
    print(f"page: {args.page} ({len(articles(doc))} articles), {args.repeat} runs each")
    print(f"convertkit docx, first page (template load + styling): {first:.1f} ms")
    print(f"convertkit docx, per page after that (median):        {m_ours:.1f} ms")
    print(f"python-docx, fresh Document() per page (median):      {m_theirs:.1f} ms")
    print(f"ratio convertkit / plain python-docx: {m_ours / m_theirs:.2f}")


if __name__ == "__main__":
    main()
