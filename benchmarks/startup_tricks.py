"""What each start-up trick saves, measured: each one against the plain way, in fresh
interpreters, median of N runs. A trick stays only where it saves more than 5 ms of a
one-page conversion (the issue on one pipeline and one CLI set that bar).

    python benchmarks/startup_tricks.py [--runs N]

1. hand-written ``__init__`` s (``convertkit.value``) vs ``@dataclass(frozen=True)`` generating
   them, for classes with the fields of ``convertkit.model`` and ``convertkit.registry``
2. ``convertkit.entrypoints`` vs ``importlib.metadata.entry_points(group=...)``
3. the garbage-collector pause and freeze of ``convertkit.cli.run`` vs ``cli.main`` alone,
   on a whole ``--to txt`` conversion of the sample page
4. argparse's help formatter without ``shutil`` (which imports bz2 and lzma) vs with it
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "page.txt"

# 1. the model's classes, declared both ways; only the declarations are timed
DECLARE = r'''
import dataclasses, sys, time
from convertkit import model, registry
classes = [c for m in (model, registry) for c in vars(m).values()
           if isinstance(c, type) and dataclasses.is_dataclass(c) and c.__module__ == m.__name__]
specs = [(c.__name__, [(f.name, f.type, f) for f in dataclasses.fields(c)], c) for c in classes]
t0 = time.perf_counter()
if sys.argv[1] == "generated":
    for name, fields, c in specs:
        ns = {}
        dataclasses.make_dataclass(name, [(n, t, dataclasses.field(default=f.default, default_factory=f.default_factory))
                                          for n, t, f in fields], frozen=c.__setattr__ is not object.__setattr__)
else:
    for name, fields, c in specs:
        ann = {n: t for n, t, f in fields}
        body = {"__annotations__": ann, "__init__": c.__init__}
        for n, t, f in fields:
            if f.default is not dataclasses.MISSING:
                body[n] = f.default
        dataclasses.dataclass(init=False, eq=False, repr=False)(type(name, c.__bases__, body))
print((time.perf_counter() - t0) * 1000)
'''

ENTRY = r'''
import sys, time
t0 = time.perf_counter()
if sys.argv[1] == "importlib":
    from importlib.metadata import entry_points
    eps = list(entry_points(group="convertkit"))
else:
    from convertkit.entrypoints import entry_points
    eps = list(entry_points("convertkit"))
print((time.perf_counter() - t0) * 1000)
'''

SHUTIL = r'''
import sys, time
t0 = time.perf_counter()
import argparse
if sys.argv[1] == "shutil":
    import shutil
    shutil.get_terminal_size()
print((time.perf_counter() - t0) * 1000)
'''

MAIN_ONLY = r'''
import sys
from convertkit.cli import main
sys.exit(main(sys.argv[1:]))
'''


def _child_ms(code: str, arg: str, runs: int) -> float:
    """Median of what a fresh interpreter prints (ms)."""
    out = [float(subprocess.run([sys.executable, "-c", code, arg], capture_output=True, text=True,
                                check=True).stdout.strip().splitlines()[-1]) for _ in range(runs)]
    return statistics.median(out)


def _wall_ms(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    n = ap.parse_args().runs
    rows = []
    a, b = _child_ms(DECLARE, "handwritten", n), _child_ms(DECLARE, "generated", n)
    rows.append(("hand-written __init__s (model + registry classes)", a, b))
    a, b = _child_ms(ENTRY, "convertkit", n), _child_ms(ENTRY, "importlib", n)
    rows.append(("convertkit.entrypoints vs importlib.metadata", a, b))
    conv = [str(SAMPLE), "--to", "txt", "-o", "-"]
    a = _wall_ms([sys.executable, "-m", "convertkit", *conv], n)
    b = _wall_ms([sys.executable, "-c", MAIN_ONLY, *conv], n)
    rows.append(("GC pause and freeze (whole --to txt conversion)", a, b))
    a, b = _child_ms(SHUTIL, "plain", n), _child_ms(SHUTIL, "shutil", n)
    rows.append(("help formatter without shutil", a, b))
    print(f"{'trick':<52} {'with':>9} {'without':>9} {'saves':>8}  verdict (bar: 5 ms)")
    for name, with_, without in rows:
        saved = without - with_
        print(f"{name:<52} {with_:>7.1f}ms {without:>7.1f}ms {saved:>6.1f}ms  {'keep' if saved > 5 else 'retire'}")


if __name__ == "__main__":
    main()
