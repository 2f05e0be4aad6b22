#!/usr/bin/env python3
"""Reader accuracy: score the newspage reader with ../shared/eval's scorer on the sample page,
the five real 人民日报 pages and synthetic pages made by ../shared/pagegen, and print the
per-set (and per-style) pooled figures.

    python benchmarks/reader_accuracy.py                      # sample, real pages, seeds 100000-100199
    python benchmarks/reader_accuracy.py --seeds 1-60 --pages # another range, one line per page
    python benchmarks/reader_accuracy.py --synthetic-only --seeds 1-60
    python benchmarks/reader_accuracy.py --pdf                # also the PDF reader on the same pages' PDFs
    python benchmarks/reader_accuracy.py --synthetic-only --pool 'texts/*.truth.json'

``--pool`` makes the synthetic pages from other article texts (truth files in either schema
pagegen reads): the default pool holds 25 articles, which every development page reuses, so
a reader tuned on them is measured on texts it has never seen this way (the figures in
``docs/reader.md`` name the pools they were measured on; none of their texts is kept here).

Pages are read in this process (``convertkit.convert(..., to="tei")``), written to a temporary
folder and scored by ``score_tei.score``, the same function ``score_set.py`` runs per page.
Synthetic pages are generated into a temporary folder (about 0.2 s a page) and never kept.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def seed_range(text: str) -> range:
    lo, _, hi = text.partition("-")
    return range(int(lo), int(hi or lo) + 1)


def generate(shared: Path, seeds: range, out: Path, pdf: bool = False,
             pool: list[str] | None = None) -> list[tuple[Path, Path]]:
    """Synthetic pages for ``seeds`` (default style; the generator's default pool, or the
    truth files ``pool`` names) in ``out``; their PDFs kept beside the text when ``pdf``. The
    generator runs under this Python, or the one ``$PAGEGEN_PYTHON`` names (it needs reportlab,
    which convertkit does not)."""
    gen = shared / "pagegen" / "pagegen.py"
    python = os.environ.get("PAGEGEN_PYTHON") or sys.executable
    extra = ([] if pdf else ["--no-pdf"]) + (["--pool", *[str(Path(p).resolve()) for p in pool]] if pool else [])
    subprocess.run([python, str(gen), "--seed", str(seeds.start), "--count", str(len(seeds)),
                    "--out", str(out)] + extra, check=True, capture_output=True, cwd=gen.parent)
    return [(out / f"synth-{s}.txt", out / f"synth-{s}.truth.json") for s in seeds]


def add_pool_option(ap: argparse.ArgumentParser) -> None:
    """The ``--pool`` option of the benchmarks that generate pages (:func:`generate`)."""
    ap.add_argument("--pool", nargs="+", metavar="TRUTH",
                    help="make the pages from these truth files' articles (default: pagegen's pool)")


class Pool:
    """Pooled figures the way score_set.py pools them."""

    def __init__(self) -> None:
        self.n = self.failed = self.perfect = 0
        self.c: dict[str, float] = defaultdict(float)

    def add(self, truth: dict, r: dict) -> None:
        n_par = sum(len(s["paragraphs"]) for a in truth["articles"] for s in a["sections"])
        self.n += 1
        self.perfect += bool(r["perfect"])
        c = self.c
        c["articles"] += r["articles_truth"]
        c["matched"] += r["articles_matched"]
        c["head"] += int(r["headlines_exact"].split("/")[0])
        c["titles"] += int(r["titles_full"].split("/")[0])
        sub_ok, _, sub_n = r["subheads_placed"].partition("/")
        c["sub_ok"] += int(sub_ok)
        c["sub_n"] += int(sub_n)
        c["par"] += n_par
        c["recall"] += r["paragraph_recall"] * n_par
        c["chars"] += r["char_accuracy"]

    def line(self, name: str) -> str:
        c, a = self.c, max(self.c["articles"], 1)
        return (f"{name:<14} pages={self.n:<4} failed={self.failed} perfect={self.perfect:<4} "
                f"articles={c['matched'] / a:.3f} headlines={c['head'] / a:.3f} titles_full={c['titles'] / a:.3f} "
                f"subheads={c['sub_ok'] / max(c['sub_n'], 1):.3f} "
                f"recall={c['recall'] / max(c['par'], 1):.3f} char={c['chars'] / max(self.n, 1):.3f}")

    def figures(self) -> dict[str, float]:
        c, a = self.c, max(self.c["articles"], 1)
        return {"pages": self.n, "articles": c["matched"] / a, "titles_full": c["titles"] / a,
                "subheads": c["sub_ok"] / max(c["sub_n"], 1),
                "recall": c["recall"] / max(c["par"], 1), "char": c["chars"] / max(self.n, 1)}


def score_pages(pairs: list[tuple[Path, Path]], scorer, tmp: Path, per_page: bool,
                pools: dict[str, Pool], label, reader: str = "newspage") -> float:
    import convertkit

    spent = 0.0
    for page, truth_path in pairs:
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        keys = label(truth)
        out = tmp / "out.xml"
        try:
            t0 = time.perf_counter()
            convertkit.convert(str(page), "tei", str(out), from_=reader)
            spent += time.perf_counter() - t0
            r = scorer.score(truth, scorer.read_articles(str(out)))
        except Exception as exc:  # noqa: BLE001 - a failed page is counted, not fatal
            for k in keys:
                pools[k].n += 1
                pools[k].failed += 1
            print(f"{page.name}: FAILED {type(exc).__name__}: {exc}")
            continue
        for k in keys:
            pools[k].add(truth, r)
        if per_page:
            print(f"{page.name}: " + " ".join(f"{k}={v}" for k, v in r.items()))
    return spent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--seeds", default="100000-100199", help="synthetic seeds, LO-HI (default 100000-100199)")
    ap.add_argument("--synthetic-only", action="store_true")
    ap.add_argument("--pages", action="store_true", help="one line per page")
    ap.add_argument("--json", help="write the pooled figures to FILE")
    ap.add_argument("--pdf", action="store_true", help="also read each page's PDF with the newspage-pdf reader")
    add_pool_option(ap)
    args = ap.parse_args()
    shared = Path(args.shared)
    sys.path.insert(0, str(shared / "eval"))
    try:
        import score_tei
    except ImportError:
        print(f"no scorer in {shared / 'eval'}", file=sys.stderr)
        return 1
    pools: dict[str, Pool] = defaultdict(Pool)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        if not args.synthetic_only:
            sample = [(ROOT / "samples" / "page.txt", shared / "samples" / "page.truth.json")]
            real = [(p, p.with_name(p.stem + ".truth.json")) for p in sorted((shared / "newspages").glob("rmrb-*.txt"))]
            score_pages(sample, score_tei, tmp, True, pools, lambda t: ["sample"])
            score_pages(real, score_tei, tmp, args.pages, pools, lambda t: ["real rmrb"])
            if args.pdf:
                score_pages([(p.with_suffix(".pdf"), t) for p, t in real], score_tei, tmp, args.pages, pools,
                            lambda t: ["real rmrb PDF"], "newspage-pdf")
        seeds = seed_range(args.seeds)
        pairs = generate(shared, seeds, tmp / "synth", args.pdf, args.pool)
        secs = score_pages(pairs, score_tei, tmp, args.pages, pools,
                           lambda t: ["synthetic", f"  {t['generator']['style']}"])
        if args.pdf:
            pdf_secs = score_pages([(p.with_suffix(".pdf"), t) for p, t in pairs], score_tei, tmp, args.pages, pools,
                                   lambda t: ["synthetic PDF", f"  {t['generator']['style']} PDF"], "newspage-pdf")
    for name in ("sample", "real rmrb", "synthetic", "  rmrb", "  local", "real rmrb PDF", "synthetic PDF",
                 "  rmrb PDF", "  local PDF"):
        if name in pools:
            print(pools[name].line(name))
    print(f"synthetic seeds {seeds.start}-{seeds.stop - 1}: {len(pairs) / secs:.1f} pages/s read and written as TEI")
    if args.pdf:
        print(f"synthetic PDFs: {len(pairs) / pdf_secs:.1f} pages/s read and written as TEI")
    if args.json:
        Path(args.json).write_text(json.dumps({k.strip(): p.figures() for k, p in pools.items()}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
