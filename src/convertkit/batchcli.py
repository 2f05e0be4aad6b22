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
    """A progress bar on stderr when it is a terminal: files done of the total (percentage
    and time left when the total is known), failures and files up to date apart; messages
    printed above it."""

    def __init__(self, enabled: bool, total: int | None) -> None:
        self.bar = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True, leave=False)

    def update(self, failed: int, skipped: int) -> None:
        if self.bar is not None:
            self.bar.update(1)
            self.bar.set_postfix(failed=failed, up_to_date=skipped, refresh=False)

    def say(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _count_inputs(args: argparse.Namespace) -> int | None:
    """How many inputs the batch has (for the progress bar), or None when they come on stdin."""
    from .batch import iter_inputs

    if "-" in args.inputs:
        return None
    return sum(1 for _ in iter_inputs(args.inputs, args.glob, follow_symlinks=args.follow_symlinks,
                                      skip=(args.output_dir,)))


def _summary(counts: dict[str, dict[str, int]], formats: Sequence[str]) -> str:
    """A table: per format, the outputs written, up to date and failed."""
    rows = [("format", "written", "up to date", "failed")]
    rows += [(f, *(str(counts[f][k]) for k in ("ok", "skipped", "failed"))) for f in formats]
    width = [max(len(r[i]) for r in rows) for i in range(4)]
    return "\n".join("  " + r[0].ljust(width[0]) + "".join(c.rjust(w + 2) for c, w in zip(r[1:], width[1:]))
                     for r in rows)


def _close_quietly(fh) -> None:
    try:
        fh.close()
    except OSError:
        pass


def _open_report(path: str, inputs: Sequence[str], pattern: str):
    """The report file, opened for writing (its folder made if missing), after the write
    guard: never an input named on the command line or inside an input folder."""
    import os

    from .atomic import guard
    from .batch import _inside, matches

    guard(path, [i for i in inputs if i != "-"])
    real = os.path.realpath(path)
    for folder in inputs:
        if os.path.isdir(folder) and _inside(real, os.path.realpath(folder)) and \
                matches(os.path.basename(path), pattern) and os.path.exists(path):
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
    shown = sys.stderr.isatty() and not args.quiet
    progress = _Progress(shown, _count_inputs(args) if shown else None)
    counts = {"ok": 0, "failed": 0, "skipped": 0}
    by_format = {f: {"ok": 0, "failed": 0, "skipped": 0} for f in formats}
    failed_inputs: dict[str, str] = {}  # input -> its first error
    inputs_seen: dict[str, int] = {}
    converted: set[str] = set()  # inputs with an output made or tried (not all up to date)
    warned: set[str] = set()
    t0 = time.perf_counter()
    interrupted = False
    try:
        for r in convert_many(args.inputs, formats, Path(args.output_dir), jobs=args.jobs, executor=args.executor,
                              scheduler=args.scheduler, resume=args.resume, timeout=args.timeout,
                              pattern=args.glob, follow_symlinks=args.follow_symlinks, **options):
            counts[r.status] = counts.get(r.status, 0) + 1
            for f in r.format.split(","):  # an input refused before reading fails every format at once
                if f in by_format:
                    by_format[f][r.status] += 1
            if report is not None:
                try:
                    report.write(r.to_json() + "\n")
                    report.flush()
                except OSError as exc:  # a full disk: the batch goes on without its report
                    progress.say(f"convertkit: warning: {args.report}: cannot write the report any more "
                                 f"({exc.strerror or exc})")
                    _close_quietly(report)
                    report = None
            n_results = len(r.format.split(","))
            inputs_seen[r.input] = inputs_seen.get(r.input, 0) + n_results
            if r.status != "skipped":
                converted.add(r.input)
            if r.warnings and r.input not in warned and not args.quiet:
                warned.add(r.input)
                for w in r.warnings:
                    progress.say(display_path(f"convertkit: warning: {r.input}: {w}"))
            if r.status == "failed":
                if not args.quiet and r.input not in failed_inputs:
                    where = "" if r.error.startswith(r.input) else f"{r.input}: "
                    progress.say(display_path(f"convertkit: error: {where}{r.error}"))
                failed_inputs.setdefault(r.input, r.error)
            if inputs_seen[r.input] >= len(formats):
                progress.update(len(failed_inputs), len(inputs_seen) - len(converted))
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
        if n:
            print(_summary(by_format, formats), file=sys.stderr)
        named = ", ".join(display_path(i) for i in list(failed_inputs)[:5])
        more = f" and {len(failed_inputs) - 5} more" if len(failed_inputs) > 5 else ""
        print(f"convertkit batch: {n} files, {counts['ok']} outputs written, {counts['skipped']} up to date, "
              f"{counts['failed']} failed ({len(failed_inputs)} files{': ' + named + more if named else ''}) "
              f"in {secs:.1f} s ({len(converted) / secs if secs else 0:.1f} pages/s converted)", file=sys.stderr)
    return 1 if failed_inputs else 0
