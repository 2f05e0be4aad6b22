"""``convertkit batch``: folders in, an output tree out, a report and a summary."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, Sequence

from .errors import ConvertkitError, UsageError


def add_batch_arguments(p: argparse.ArgumentParser, plugins: Any) -> None:
    """What ``convertkit batch`` takes besides the conversion options it shares with
    ``convertkit convert`` (:func:`convertkit.cli.add_conversion_options`)."""
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("-t", "--to", required=True, help="formats, comma-separated (epub,docx,tei,txt)")
    p.add_argument("--output-dir", "-O", required=True, help="folder for the output tree")
    p.add_argument("--jobs", "-j", type=int, default=None, help="worker processes (default: CPU count)")
    p.add_argument("--resume", action="store_true",
                   help="skip outputs already made from the same input, options and convertkit version")
    p.add_argument("--report", help="write one JSON line per result to FILE as results arrive")
    p.add_argument("--fail-fast", action="store_true", help="stop at the first failed file")
    p.add_argument("--timeout", type=float, default=0.0, help="give up on a file after SECONDS")
    default_glob = ",".join(default_patterns(plugins))
    p.add_argument("--glob", default=default_glob,
                   help=f"file patterns inside folders, comma-separated (default: the readers' extensions, "
                        f"{default_glob})")
    p.add_argument("--executor", choices=("local", "dask"), default="local")
    p.add_argument("--scheduler", help="Dask scheduler address (default: a LocalCluster on 127.0.0.1)")
    p.add_argument("--follow-symlinks", action="store_true",
                   help="inside input folders, also convert symbolic links that lead out of the folder")


def default_patterns(plugins: Any) -> list[str]:
    """``*.EXT`` for every extension a reader declares (``ReaderSpec.extensions``)."""
    exts = sorted({e.lstrip(".") for spec in plugins.registry.readers.values() for e in spec.extensions})
    return [f"*.{e}" for e in exts] or ["*.txt"]


class _Progress:
    """A progress line on stderr when it is a terminal: files done, failures, pages/s, ETA."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bar = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(unit="page", file=sys.stderr, dynamic_ncols=True, leave=False)

    def update(self, pages: int, failed: int) -> None:
        if self.bar is not None:
            self.bar.update(pages)
            self.bar.set_postfix(failed=failed, refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _close_quietly(fh) -> None:
    try:
        fh.close()
    except OSError:
        pass


def _open_report(path: str, inputs: Sequence[str], pattern: str):
    """The report file, opened for writing (its folder made if missing), after the write
    guard: never an input named on the command line or inside an input folder."""
    import fnmatch
    import os

    from .atomic import guard
    from .batch import _inside

    guard(path, [i for i in inputs if i != "-"])
    real = os.path.realpath(path)
    for folder in inputs:
        if os.path.isdir(folder) and _inside(real, os.path.realpath(folder)) and \
                any(fnmatch.fnmatch(os.path.basename(path), pat) for pat in pattern.split(",")) and \
                os.path.exists(path):
            raise ConvertkitError(f"{path}: refusing to write the report over an input file")
    folder = os.path.dirname(path)
    if folder:
        os.makedirs(folder, exist_ok=True)
    return open(path, "w", encoding="utf-8")


def batch_command(args: argparse.Namespace, plugins: Any) -> int:
    """``convertkit batch``, its arguments parsed by :func:`convertkit.cli.parse`."""
    from .batch import convert_many, display_path
    from .cli import conversion_options

    formats = tuple(plugins.registry.writer(f.strip()).name for f in args.to.split(",") if f.strip())
    options = conversion_options(args)
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    try:
        report = _open_report(args.report, args.inputs, args.glob) if args.report else None
    except OSError as exc:
        raise ConvertkitError(f"{args.report}: cannot write the report: {exc.strerror or exc}") from None
    progress = _Progress(sys.stderr.isatty() and not args.quiet)
    counts = {"ok": 0, "failed": 0, "skipped": 0}
    failed_inputs: set[str] = set()
    inputs_seen: dict[str, int] = {}
    t0 = time.perf_counter()
    interrupted = False
    try:
        for r in convert_many(args.inputs, formats, Path(args.output_dir), jobs=args.jobs, executor=args.executor,
                              scheduler=args.scheduler, resume=args.resume, timeout=args.timeout,
                              pattern=args.glob, follow_symlinks=args.follow_symlinks, **options):
            counts[r.status] = counts.get(r.status, 0) + 1
            if report is not None:
                try:
                    report.write(r.to_json() + "\n")
                    report.flush()
                except OSError as exc:  # a full disk: the batch goes on without its report
                    print(f"convertkit: warning: {args.report}: cannot write the report any more "
                          f"({exc.strerror or exc})", file=sys.stderr)
                    _close_quietly(report)
                    report = None
            inputs_seen[r.input] = inputs_seen.get(r.input, 0) + 1
            if r.status == "failed":
                if not args.quiet and not progress.enabled and r.input not in failed_inputs:
                    where = "" if r.error.startswith(r.input) else f"{r.input}: "
                    print(display_path(f"convertkit: error: {where}{r.error}"), file=sys.stderr)
                failed_inputs.add(r.input)
            if inputs_seen[r.input] == len(formats):
                progress.update(1, len(failed_inputs))
            if r.status == "failed" and args.fail_fast:
                break
    except KeyboardInterrupt:
        # outputs written so far are complete (atomic) and recorded: --resume goes on from here
        interrupted = True
    finally:
        progress.close()
        if report is not None:
            _close_quietly(report)
    secs = time.perf_counter() - t0
    if interrupted:
        print(f"convertkit batch: interrupted after {len(inputs_seen)} files ({counts['ok']} outputs written); "
              "rerun with --resume to go on", file=sys.stderr)
        return 130
    if not args.quiet:
        n = len(inputs_seen)
        print(f"convertkit batch: {n} files, {counts['ok']} outputs written, {counts['skipped']} up to date, "
              f"{counts['failed']} failed ({len(failed_inputs)} files) in {secs:.1f} s "
              f"({n / secs if secs else 0:.1f} pages/s)", file=sys.stderr)
    return 1 if failed_inputs else 0
