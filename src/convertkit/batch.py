"""Batch conversion: many inputs, several formats, one or many processes.

The core of it is :func:`run_batch`, a pure, picklable function from a list of
:class:`Task` s to a list of :class:`BatchResult` s. Executors only move tasks and results:
``local`` runs batches of tasks in a process pool (the plugin registry is built once per
worker process), ``dask`` submits the same batches to a Dask cluster. A bad file is a
failed result, never an exception that stops the batch.
"""
from __future__ import annotations

import fnmatch
import json
import os
import signal
import sqlite3
import sys
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Iterable, Iterator, Sequence

from . import __version__
from .digest import sha256
from .errors import ConvertkitError, UsageError

BATCH_SIZE = 8  # inputs per task of the local executor
DASK_BATCH_SIZE = 16  # inputs per task on Dask
STATE_FILE = ".convertkit-state.sqlite"


@dataclass(frozen=True)
class Task:
    """One input to convert: its path, the output path without extension (relative to the
    output folder), the formats, and the options shared by the whole batch."""

    input: str
    out_base: str
    formats: tuple[str, ...]
    options: tuple[tuple[str, Any], ...] = ()
    skip: tuple[str, ...] = ()  # formats already up to date (--resume)
    timeout: float = 0.0


@dataclass
class BatchResult:
    """The outcome of one input in one format."""

    input: str
    format: str
    status: str  # ok, failed, skipped
    output: str | None = None
    bytes: int = 0
    ms: float = 0.0
    error: str = ""
    key: str = ""  # what --resume compares: input hash, options, convertkit version
    warnings: list[str] = field(default_factory=list)  # what the reader and writers warned of

    def to_json(self) -> str:
        """One JSON line; a file name that is not UTF-8 (bytes kept as lone surrogates by
        the file system's decoding) is written with \\u escapes, so the line stays UTF-8."""
        line = json.dumps(asdict(self), ensure_ascii=False)
        return line if _is_text(line) else json.dumps(asdict(self))


class _Timeout(BaseException):
    """Raised by the per-file alarm; a BaseException so that no plugin's (or our own)
    ``except Exception`` can swallow it."""


def _alarm(signum, frame):  # pragma: no cover - runs in a signal handler
    raise _Timeout()


def resume_key(data_digest: str, fmt: str, options: Iterable[tuple[str, Any]]) -> str:
    """What makes an output up to date: the input's sha256, the format, the options and the
    convertkit version."""
    spec = [data_digest, fmt, sorted(options, key=lambda kv: kv[0]), __version__]
    return sha256(json.dumps(spec, default=str).encode()).hexdigest()


def run_batch(tasks: Sequence[Task], output_dir: str) -> list[BatchResult]:
    """Convert every task, each format of it, into ``output_dir``. Pure and picklable: the
    unit of work every executor runs. Never raises for a bad input.

    The per-file timeout is caught here, in one place around each file: wherever the
    alarm fires (a reader, a writer, a plugin's own ``finally``, the clean-up after the
    file), the file's remaining formats are failed results and the next file goes on."""
    from .plugins import get_plugins

    pl = get_plugins()  # built once per process, then cached
    out_root = Path(output_dir)
    results: list[BatchResult] = []
    # the alarm needs the main thread (a process-pool worker's); in a Dask worker thread
    # the per-file timeout is not enforced (use Dask's own task timeouts there)
    use_alarm = any(t.timeout > 0 for t in tasks) and hasattr(signal, "SIGALRM") and \
        threading.current_thread() is threading.main_thread()
    old = signal.signal(signal.SIGALRM, _alarm) if use_alarm else None
    try:
        for task in tasks:
            stage = ["reading"]
            try:
                try:
                    if use_alarm and task.timeout > 0:
                        signal.setitimer(signal.ITIMER_REAL, task.timeout)
                    _one_task(task, pl, out_root, results, stage)
                finally:
                    if use_alarm:
                        signal.setitimer(signal.ITIMER_REAL, 0)
            except _Timeout:
                if use_alarm:
                    signal.setitimer(signal.ITIMER_REAL, 0)  # (it may have fired in the finally above)
                done = {r.format for r in results if r.input == task.input}
                results.extend(BatchResult(task.input, f, "failed",
                                           error=f"timed out after {task.timeout:g} s in {stage[0]}")
                               for f in task.formats if f not in done)
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
    return results


def _one_task(task: Task, pl: Any, out_root: Path, results: list[BatchResult], stage: list[str]) -> None:
    """Convert one input into each of its formats, appending a result per format;
    ``stage[0]`` says what runs (for a timeout's message)."""
    from .atomic import atomic_write
    from .pipeline import Job, execute

    job = Job.of(task.input, task.formats, dict(task.options), name=task.input)
    t0 = time.perf_counter()
    try:
        done = execute(job, pl, skip=task.skip, stage=lambda what: stage.__setitem__(0, what))
    except ConvertkitError as exc:
        results.extend(BatchResult(task.input, f, "failed", error=str(exc)) for f in task.formats)
        return
    digest = sha256(done.data).hexdigest()  # once per input, not once per format
    rendered = {r.format: r for r in done.rendered}
    # the time to read and transform, shared among the formats made
    read_ms = (time.perf_counter() - t0) * 1000 - sum(r.ms for r in done.rendered)
    warnings = list(done.warnings)
    for fmt in task.formats:
        key = resume_key(digest, fmt, task.options)
        r = rendered.get(fmt)
        if r is None:
            results.append(BatchResult(task.input, fmt, "skipped", key=key))
            continue
        if r.error is not None:
            results.append(BatchResult(task.input, fmt, "failed", error=str(r.error), key=key, warnings=warnings))
            continue
        t1 = time.perf_counter()
        try:
            raw = r.data.encode("utf-8") if isinstance(r.data, str) else r.data
            target = out_root / f"{task.out_base}.{r.extension}"
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, raw, protect=(task.input,))
            ms = r.ms + (time.perf_counter() - t1) * 1000 + read_ms / max(1, len(done.rendered))
            results.append(BatchResult(task.input, fmt, "ok", str(target), len(raw), round(ms, 2), key=key,
                                       warnings=warnings))
        except ConvertkitError as exc:
            results.append(BatchResult(task.input, fmt, "failed", error=str(exc), key=key, warnings=warnings))
        except OSError as exc:
            results.append(BatchResult(task.input, fmt, "failed", error=f"cannot write: {exc}", key=key,
                                       warnings=warnings))


# -- inputs and output paths -------------------------------------------------------------------
def matches(name: str, pattern: str) -> bool:
    """Whether a file name matches ``pattern``: glob patterns, comma-separated (``*.txt,*.pdf``)."""
    return any(fnmatch.fnmatch(name, pat.strip()) for pat in pattern.split(",") if pat.strip())


def iter_inputs(inputs: Iterable[str], pattern: str = "*.txt", stdin=None, *,
                follow_symlinks: bool = False, skip: Iterable[str] = ()) -> Iterator[tuple[str, str]]:
    """(input path, output base relative to the output folder) for files, folders (recursed,
    files matching ``pattern``, comma-separated patterns) and ``-`` (a list of paths on stdin), lazily.

    Inside a folder, a symbolic link that leads out of the folder is not followed (its base
    is ``""``: the caller reports it) unless ``follow_symlinks``; the folders in ``skip``
    (the output tree) are not entered. Paths named one by one are the user's choice and
    are taken as given."""
    skipped = {os.path.realpath(s) for s in skip}
    for item in inputs:
        if item == "-":
            for line in (stdin or sys.stdin):
                path = line.rstrip("\r\n")
                if path:
                    yield path, _safe_base(path)
            continue
        p = Path(item)
        if p.is_dir():
            root_real = os.path.realpath(p)
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if os.path.realpath(os.path.join(root, d)) not in skipped)
                for name in sorted(files):
                    if matches(name, pattern):
                        full = Path(root) / name
                        rel = full.relative_to(p)
                        if not follow_symlinks and full.is_symlink() and \
                                not _inside(os.path.realpath(full), root_real):
                            yield str(full), ""
                            continue
                        yield str(full), str(rel.with_suffix(""))
        else:
            yield str(p), _safe_base(str(p))


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def _safe_base(path: str) -> str:
    """A relative path without ``..`` keeps its folders; anything else keeps its name only:
    the output tree never escapes the output folder. Control characters are replaced and
    names Windows reserves (CON, NUL, COM1…) get a leading underscore."""
    pp = PurePosixPath(path.replace(os.sep, "/"))
    if not pp.is_absolute() and ".." not in pp.parts and pp.parts:
        parts = list(pp.with_suffix("").parts)
    else:
        parts = [pp.stem or "input"]
    safe = []
    for part in parts:
        part = "".join("_" if ord(c) < 32 else c for c in part) or "_"
        if part.split(".")[0].upper() in _RESERVED or part in (".", ".."):
            part = "_" + part
        safe.append(part)
    return "/".join(safe)


def _input_digest(path: str, limit: int) -> str:
    """The sha256 of an input for --resume, or "" (never up to date) when it is not a
    regular file or is over ``limit`` bytes: a FIFO, a device or a huge file is never read
    here (the worker refuses it with a clear error)."""
    import stat

    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            return ""
        h = sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except (OSError, ValueError):
        return ""


def _is_text(s: str) -> bool:
    """Whether ``s`` encodes as UTF-8 (holds no lone surrogates)."""
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def display_path(path: str) -> str:
    """A path as it is shown and stored: bytes that are not UTF-8 as \\xNN escapes."""
    return path if _is_text(path) else os.fsencode(path).decode("utf-8", "backslashreplace")


class State:
    """What --resume knows: for each output file, the key it was made with (paths that are
    not UTF-8 stored as :func:`display_path` gives them)."""

    def __init__(self, output_dir: Path) -> None:
        self.db = sqlite3.connect(str(output_dir / STATE_FILE))
        self.db.execute("create table if not exists done (output text primary key, key text)")

    def up_to_date(self, output: Path, key: str) -> bool:
        row = self.db.execute("select key from done where output = ?", (display_path(str(output)),)).fetchone()
        return row is not None and row[0] == key and output.exists()

    def record(self, r: BatchResult) -> None:
        if r.status == "ok" and r.output and self.db is not None:
            self._safely(self.db.execute, "insert or replace into done values (?, ?)",
                         (display_path(r.output), r.key))

    def commit(self) -> None:
        if self.db is not None:
            self._safely(self.db.commit)

    def _safely(self, call, *args) -> None:
        """A state that can no longer be written (a full disk) stops being written, with a
        warning: what it lacks is merely converted again by the next --resume, and the
        batch goes on (each output is still written, or fails, on its own)."""
        try:
            call(*args)
        except sqlite3.Error as exc:
            print(f"convertkit: warning: {STATE_FILE}: cannot record progress ({exc}); "
                  "a later --resume converts again what was not recorded", file=sys.stderr)
            try:
                self.db.close()
            except sqlite3.Error:
                pass
            self.db = None


# -- executors ----------------------------------------------------------------------------------
def _batches(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    cur: list[Task] = []
    for t in tasks:
        cur.append(t)
        if len(cur) >= size:
            yield cur
            cur = []
    if cur:
        yield cur


def _worker_init(parent: int = 0) -> None:
    """Workers leave Ctrl-C to the parent, which stops handing out work and lets the
    batches in flight finish, so that every output is whole and recorded for --resume.
    On Linux a worker is killed when its parent dies (SIGTERM, SIGKILL, a crash): no
    orphan goes on converting."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    """``prctl(PR_SET_PDEATHSIG, SIGKILL)``, and a check that the parent is not gone
    already (it may have died before the call)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - no libc prctl
        return
    if parent and os.getppid() != parent:
        os._exit(1)


def _pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(os.getpid(),))


def _local(batches: Iterator[list[Task]], output_dir: str, jobs: int) -> Iterator[list[BatchResult]]:
    """A process pool with at most ``2 × jobs`` batches in flight. When a worker dies (a
    crash, SIGKILL, the out-of-memory killer), every batch in flight is lost with it; each
    of their files is then retried once on its own, in a one-worker pool, so that only the
    file that kills its worker again is reported failed and the batch goes on."""
    if jobs <= 1:
        for b in batches:
            yield run_batch(b, output_dir)
        return
    pool = _pool(jobs)
    inflight: dict[Future, list[Task]] = {}
    try:
        exhausted = False
        while True:
            lost: list[Task] = []
            while not exhausted and len(inflight) < 2 * jobs:
                b = next(batches, None)
                if b is None:
                    exhausted = True
                    break
                try:
                    inflight[pool.submit(run_batch, b, output_dir)] = b
                except BrokenProcessPool:  # a worker died since the last wait: the pool takes no more
                    lost.extend(b)
                    break
            if not lost:
                if not inflight:
                    return
                done, _ = wait(inflight, return_when=FIRST_COMPLETED)
                for fut in done:
                    b = inflight.pop(fut)
                    try:
                        yield fut.result()
                    except BrokenProcessPool:
                        lost.extend(b)
            if lost:
                lost.extend(t for b in inflight.values() for t in b)
                inflight.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                yield from _one_by_one(lost, output_dir)
                pool = _pool(jobs)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _one_by_one(tasks: list[Task], output_dir: str) -> Iterator[list[BatchResult]]:
    """Each task alone in a one-worker pool; a task whose worker dies is a failed result."""
    pool = _pool(1)
    try:
        for t in tasks:
            try:
                yield pool.submit(run_batch, [t], output_dir).result()
            except BrokenProcessPool:
                yield [BatchResult(t.input, f, "failed", error="worker crashed (retried once on its own)")
                       for f in t.formats]
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _pool(1)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _dask(batches: Iterator[list[Task]], output_dir: str, jobs: int, scheduler: str | None
          ) -> Iterator[list[BatchResult]]:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise UsageError("--executor dask needs the dask extra: pip install 'convertkit[dask]'") from None
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        import dask

        # the workers' sampling profiler (every 10 ms, for the dashboard there is none of)
        # takes the GIL from the conversions: a fifth of their time on two cores. On Linux
        # the workers are forked, as the local executor's are: started in 0.1 s, not the
        # 0.5 s of spawning fresh interpreters that import distributed and convertkit again
        settings: dict[str, Any] = {"distributed.worker.profile.enabled": False}
        if sys.platform == "linux":
            settings["distributed.worker.multiprocessing-method"] = "fork"
        with dask.config.set(settings):
            # memory_limit=0: no nanny polling each worker's memory ten times a second
            cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=None, memory_limit=0)
        client = Client(cluster)
    try:
        futures = as_completed()
        inflight = 0
        for b in batches:
            futures.add(client.submit(run_batch, b, output_dir, pure=False))
            inflight += 1
            if inflight >= 4 * max(1, jobs):
                yield next(futures).result()
                inflight -= 1
        for fut in futures:
            yield fut.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def convert_many(inputs: Iterable[str], to: str | Sequence[str], output_dir: str | os.PathLike, *,
                 jobs: int | None = None, executor: str = "local", scheduler: str | None = None,
                 resume: bool = False, timeout: float = 0.0, pattern: str = "*.txt",
                 batch_size: int | None = None, stdin=None, follow_symlinks: bool = False,
                 **options: Any) -> Iterator[BatchResult]:
    """Convert many inputs to each format of ``to`` under ``output_dir`` (mirroring the input
    tree); yields one :class:`BatchResult` per input and format as they complete."""
    formats = tuple([to] if isinstance(to, str) else to)
    if not formats:
        raise UsageError("no output format given")
    from .plugins import get_plugins

    from .pipeline import Job, check

    pl = get_plugins()
    formats = tuple(pl.registry.writer(f).name for f in formats)  # aliases resolved: md -> markdown
    check(Job.of("", formats, options), pl)  # unknown formats, transforms, options: before any work
    exts: dict[str, str] = {}
    for f in formats:
        ext = pl.registry.writer(f).extension  # unknown format: a usage error before any work
        if ext in exts:
            raise UsageError(f"--to {exts[ext]} and {f} would both write *.{ext}: two outputs never share a path")
        exts[ext] = f
    out = Path(output_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
        state = State(out)  # always recorded, so that any later run can --resume
    except (OSError, sqlite3.Error) as exc:
        raise ConvertkitError(f"{out}: cannot use as the output folder: {exc}") from None
    jobs = jobs or os.cpu_count() or 1
    opts = tuple(sorted(options.items()))
    seen: set[str] = set()
    early: list[BatchResult] = []

    def tasks() -> Iterator[Task]:
        from .api import DEFAULT_MAX_INPUT

        limit = int(options.get("max_input_size") or DEFAULT_MAX_INPUT)
        for path, base in iter_inputs(inputs, pattern, stdin, follow_symlinks=follow_symlinks, skip=(out,)):
            if not base:
                early.append(BatchResult(path, ",".join(formats), "failed",
                                         error="a symbolic link out of the input folder: not followed "
                                               "(--follow-symlinks to convert it)"))
                continue
            if base in seen:
                early.append(BatchResult(path, ",".join(formats), "failed",
                                         error=f"another input already writes {base}.*"))
                continue
            seen.add(base)
            skip: tuple[str, ...] = ()
            if resume:
                digest = _input_digest(path, limit)
                skip = tuple(f for f in formats
                             if state.up_to_date(out / f"{base}.{pl.registry.writer(f).extension}",
                                                 resume_key(digest, f, opts)))
            yield Task(path, base, formats, opts, skip, timeout)

    # a Dask task costs the scheduler more than a process-pool task: send bigger batches
    batches = _batches(tasks(), batch_size or (DASK_BATCH_SIZE if executor == "dask" else BATCH_SIZE))
    if executor == "local":
        stream = _local(batches, str(out), jobs)
    elif executor == "dask":
        stream = _dask(batches, str(out), jobs, scheduler)
    else:
        raise UsageError(f"unknown executor {executor!r} (local, dask)")
    try:
        for results in stream:
            while early:
                yield early.pop(0)
            for r in results:
                if state is not None:
                    state.record(r)
                yield r
            if state is not None:
                state.commit()
        while early:
            yield early.pop(0)
    finally:
        if state is not None:
            state.commit()

