"""Batch speed, scaling and growth, against pandoc in the same run. Prints tables.

    python benchmarks/batch_speed.py [--pages N] [--pandoc-pages N] [--skip-dask]

1. per-page cost (warm, one process) of each writer and of all four formats; peak memory
2. convertkit batch vs a shell loop of pandoc on the same files (EPUB and DOCX), and one
   page from a cold start (`convertkit page.txt --to txt|epub` vs `pandoc page.txt -o …`)
3. scaling: --jobs 1 vs --jobs 2, and the Dask executor (2-worker LocalCluster) vs local
4. growth: the sample page concatenated 1,000 times into one file vs 1,000 × one page
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import convertkit
from convertkit import batch

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "page.txt"
FORMATS = ("epub", "docx", "tei", "txt")


def per_page() -> None:
    doc = convertkit.read(SAMPLE)
    data = SAMPLE.read_bytes()
    print("\n## 1. Per-page cost, warm, one process (sample page)\n")
    print("| step | ms/page | pages/s |")
    print("| --- | ---: | ---: |")
    for fmt in FORMATS:
        convertkit.write(doc, fmt)
    rows = [("read (newspage)", lambda: convertkit.read(data, "newspage"))]
    rows += [(f"write {fmt}", (lambda f=fmt: convertkit.write(doc, f))) for fmt in FORMATS]
    def all_four():
        d = convertkit.read(data, "newspage")
        for f in FORMATS:
            convertkit.write(d, f)

    rows.append(("read + all four formats", all_four))
    for name, fn in rows:
        times = []
        for _ in range(30):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        ms = statistics.median(times) * 1000
        print(f"| {name} | {ms:.1f} | {1000 / ms:.0f} |")
    tracemalloc.start()
    all_four()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nPeak Python allocation for one page in all four formats: {peak / 2**20:.1f} MiB; "
          f"process max RSS (a worker's footprint): {rss:.0f} MiB")


def make_pages(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    data = SAMPLE.read_bytes()
    paths = []
    for i in range(n):
        p = folder / f"p{i:04d}.txt"
        p.write_bytes(data)
        paths.append(p)
    return paths


def timed_batch(inputs, formats, out: Path, **kw) -> float:
    t = time.perf_counter()
    results = list(batch.convert_many([str(i) for i in inputs], formats, out, **kw))
    secs = time.perf_counter() - t
    bad = [r for r in results if r.status != "ok"]
    assert not bad, bad[:3]
    return secs


def against_pandoc(tmp: Path, n: int) -> None:
    pandoc = shutil.which("pandoc")
    cores = os.cpu_count() or 1
    print(f"\n## 2. Against pandoc ({n} copies of the sample page)\n")
    if pandoc is None:
        print("pandoc is not installed: skipped")
        return
    pages = make_pages(tmp / "vs", n)
    print(f"convertkit batch on one core (--jobs 1) and as it runs by default (--jobs {cores}, one per core), "
          "against a shell loop of pandoc, which uses one core.\n")
    print(f"| format | convertkit --jobs 1 | convertkit --jobs {cores} | pandoc shell loop | ratio, --jobs 1 "
          f"| ratio, --jobs {cores} |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for fmt, ext in (("epub", "epub"), ("docx", "docx")):
        ck = timed_batch([tmp / "vs"], fmt, tmp / f"ck-{fmt}", jobs=1)
        ckn = timed_batch([tmp / "vs"], fmt, tmp / f"ckn-{fmt}")
        outdir = tmp / f"pd-{fmt}"
        outdir.mkdir()
        t = time.perf_counter()
        subprocess.run(["sh", "-c", f'for f in "$@"; do {pandoc} -f markdown "$f" -o "{outdir}/$(basename "$f" .txt).{ext}" '
                        f'--metadata title=page 2>/dev/null; done', "sh", *map(str, pages)], check=True)
        pd = time.perf_counter() - t
        print(f"| {fmt} | {ck:.1f} s ({n / ck:.0f} pages/s) | {ckn:.1f} s ({n / ckn:.0f} pages/s) "
              f"| {pd:.1f} s ({n / pd:.0f} pages/s) | {pd / ck:.1f}× | {pd / ckn:.1f}× |")
    cold_start(tmp, pandoc)


def cold_start(tmp: Path, pandoc: str) -> None:
    print("\nOne page from a cold start (11 runs each, taking turns; min and median):\n")
    print("| command | convertkit min / median | pandoc min / median | ratio of mins | ratio of medians |")
    print("| --- | ---: | ---: | ---: | ---: |")
    # the `convertkit` command as users run it: the console script beside this Python
    script = Path(sys.executable).with_name("convertkit")
    ck_bin = [str(script)] if script.exists() else [sys.executable, "-m", "convertkit"]

    # Python as users run it caches each module's bytecode on the first run (pip compiles it
    # at install time); a machine that sets PYTHONDONTWRITEBYTECODE would have every run
    # compile the sources again, which no user's start-up pays: the runs here may write the
    # cache, and one untimed run first writes it
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def once(cmd) -> float:
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env)
        return time.perf_counter() - t

    for fmt, ext in (("txt", "txt"), ("epub", "epub")):
        pd_cmd = [pandoc, "-f", "markdown", str(SAMPLE), "-o", str(tmp / f"cold.{ext}"), "--metadata", "title=page"]
        ck_cmd = ck_bin + [str(SAMPLE), "--to", fmt, "-o", str(tmp / f"cold-ck.{ext}")]
        pds, cks = [], []
        once(ck_cmd)
        for _ in range(11):
            pds.append(once(pd_cmd))
            cks.append(once(ck_cmd))
        pmin, pmed, cmin, cmed = min(pds), statistics.median(pds), min(cks), statistics.median(cks)
        print(f"| convertkit --to {fmt} | {cmin * 1000:.0f} / {cmed * 1000:.0f} ms | {pmin * 1000:.0f} / "
              f"{pmed * 1000:.0f} ms | {cmin / pmin:.2f} | {cmed / pmed:.2f} |")


def scaling(tmp: Path, n: int, dask: bool) -> None:
    print(f"\n## 3. Scaling ({n} pages, all four formats)\n")
    make_pages(tmp / "scale", n)
    # two rounds, the executors taking turns, the best of each: this machine's speed drifts
    # by a fifth from one minute to the next, which one round would charge to an executor
    runs: dict[str, list[float]] = {"one": [], "two": [], "dask": []}
    for r in range(2):
        runs["one"].append(timed_batch([tmp / "scale"], FORMATS, tmp / f"j1-{r}", jobs=1))
        runs["two"].append(timed_batch([tmp / "scale"], FORMATS, tmp / f"j2-{r}", jobs=2))
        if dask:
            runs["dask"].append(timed_batch([tmp / "scale"], FORMATS, tmp / f"dask-{r}", jobs=2, executor="dask"))
    one, two = min(runs["one"]), min(runs["two"])
    print("Best of two rounds, taking turns.\n")
    print("| executor | seconds | pages/s | vs --jobs 1 |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| local --jobs 1 | {one:.1f} | {n / one:.0f} | 1.00× |")
    print(f"| local --jobs 2 | {two:.1f} | {n / two:.0f} | {one / two:.2f}× |")
    if dask:
        d = min(runs["dask"])
        print(f"| dask, 2-worker LocalCluster | {d:.1f} | {n / d:.0f} | {one / d:.2f}× "
              f"(local --jobs 2 / dask = {two / d:.2f}) |")


def growth(tmp: Path, n: int) -> None:
    print(f"\n## 4. Growth: one file of {n} pages vs {n} × one page (read + txt)\n")
    data = SAMPLE.read_bytes()
    big = tmp / "big.txt"
    big.write_bytes(b"\n\n".join([data] * n))
    rounds = []
    for _ in range(3):  # best of three rounds of 20, as for the per-page table
        t = time.perf_counter()
        for _ in range(20):
            convertkit.write(convertkit.read(data, "newspage"), "txt")
        rounds.append((time.perf_counter() - t) / 20)
    one = min(rounds)
    t = time.perf_counter()
    doc = convertkit.read(big, "newspage")
    out = convertkit.write(doc, "txt")
    secs = time.perf_counter() - t
    size = big.stat().st_size
    # memory in fresh processes (tracemalloc would slow the timed run tenfold): peak RSS of
    # reading the big file, minus that of reading one page. The peak is the process's own
    # VmHWM: getrusage's ru_maxrss carries over the parent's peak across fork and exec.
    probe = ("import sys, convertkit; d = convertkit.read(sys.argv[1], 'newspage'); convertkit.write(d, 'txt'); "
             "print(next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM:')))")
    rss_big = int(subprocess.run([sys.executable, "-c", probe, str(big)], capture_output=True, text=True,
                                 check=True).stdout) * 1024
    rss_one = int(subprocess.run([sys.executable, "-c", probe, str(SAMPLE)], capture_output=True, text=True,
                                 check=True).stdout) * 1024
    print("| measure | value | target |")
    print("| --- | ---: | --- |")
    print(f"| input | {size / 2**20:.1f} MiB, {len(convertkit.model.articles(doc))} articles | |")
    print(f"| time, one {n}-page file | {secs:.1f} s | |")
    print(f"| time, {n} × one page | {one * n:.1f} s | |")
    print(f"| ratio | {secs / (one * n):.2f} | ≤ 1.3 |")
    print(f"| extra peak RSS / input size | {(rss_big - rss_one) / size:.1f} × | ≤ 15 × |")
    assert len(out) > 0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=1000, help="pages for the scaling run")
    ap.add_argument("--pandoc-pages", type=int, default=500, help="pages for the pandoc comparison")
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--growth-pages", type=int, default=1000, help="copies of the page in the growth file")
    args = ap.parse_args()
    print(f"convertkit {convertkit.__version__}, Python {sys.version.split()[0]}, "
          f"{__import__('os').cpu_count()} cores")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        per_page()
        against_pandoc(tmp, args.pandoc_pages)
        scaling(tmp, args.pages, not args.skip_dask)
        growth(tmp, args.growth_pages)


if __name__ == "__main__":
    main()
