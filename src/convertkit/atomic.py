"""Atomic file output: a temporary file in the same folder, fsync, then rename.

A failure at any point leaves no partial file and never touches an existing file. A process
killed outright (SIGKILL) may leave its hidden temporary ``.NAME.*.part`` beside NAME, never a
partial NAME; a later process's first write into that folder removes such leftovers once
they are a minute old (once per folder and process: a batch writing thousands of files into
one folder must not list it for each).
"""
from __future__ import annotations

import os
import re
import stat
import time
from typing import Iterable, Sequence

from .errors import ConversionError


NAME_MAX = 255  # bytes in a file name, on the file systems convertkit writes to


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _mkstemp(folder: str, name: str) -> tuple[int, str]:
    """A new hidden ``.NAME.XXXXXXXX.part`` file in ``folder``, created exclusively, mode 0600
    (``tempfile.mkstemp`` does the same, but importing tempfile costs start-up time)."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    # the temporary adds 19 bytes to the name: cut the name (at a character) so that a
    # name near the file system's limit of 255 bytes still has a temporary
    while len(os.fsencode(name)) > NAME_MAX - 19:
        name = name[:-1]  # whole characters: never half of a UTF-8 sequence
    name = name or "output"
    for _ in range(100):
        tmp = os.path.join(folder, f".{name}.{os.urandom(6).hex()}.part")
        try:
            return os.open(tmp, flags, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name for {name} in {folder}")


def _text(path: str | os.PathLike) -> str:
    target = os.fspath(path)
    return os.fsdecode(target) if isinstance(target, bytes) else target


def same_file(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """Whether ``a`` and ``b`` are one existing file (through links, hard links and ``..``)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def guard(path: str | os.PathLike, protect: Iterable[str | os.PathLike] = ()) -> os.stat_result | None:
    """The one check every path a run writes goes through (outputs, ``--explain``,
    ``--report``, batch state): never one of the run's inputs (``protect``), never a folder,
    never a special file other than a character device or FIFO (which are written into, as a
    stream). Returns the existing file's status, or ``None`` when there is none."""
    target = _text(path)
    for src in protect:
        if src and same_file(target, src):
            raise ConversionError(f"{target}: refusing to write over the input file")
    try:
        st = os.stat(target)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise ConversionError(f"{target}: cannot write: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise ConversionError(f"{target}: is a folder, not a file")
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
        raise ConversionError(f"{target}: is not a regular file: refusing to replace it")
    return st


def _streamed(st: os.stat_result | None) -> bool:
    """A character device or FIFO: written into, never renamed over."""
    return st is not None and (stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode))


def _write_stream(target: str, data: bytes) -> None:
    """Write into an existing character device or FIFO (``-o /dev/null``, a named pipe).
    A FIFO nobody reads is an error, not a hang (``O_NONBLOCK`` at open)."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        reason = "nobody reads the pipe" if exc.errno == 6 else (exc.strerror or str(exc))  # ENXIO
        raise ConversionError(f"{target}: cannot write: {reason}") from None
    try:
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    except OSError as exc:
        raise ConversionError(f"{target}: cannot write: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def _stage(target: str, data: bytes, st: os.stat_result | None) -> str:
    """Write ``data`` to a new temporary file beside ``target`` (fsynced, with the mode the
    old file had, else the umask's) and return the temporary's path."""
    folder, name = os.path.split(target)
    folder = folder or "."
    if not os.path.isdir(folder):
        raise ConversionError(f"{target}: output folder {folder} does not exist")
    try:
        fd, tmp = _mkstemp(folder, name)
    except OSError as exc:
        raise ConversionError(f"{target}: cannot write in {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask())
    except BaseException as exc:
        _unlink(tmp)
        if isinstance(exc, OSError):
            raise ConversionError(f"{target}: cannot write: {exc.strerror or exc}") from None
        raise
    return tmp


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def atomic_write(path: str | os.PathLike, data: bytes, protect: Iterable[str | os.PathLike] = ()) -> str:
    """Write ``data`` to ``path`` atomically and return the path (as a string); ``protect``
    names the inputs it must not be."""
    return atomic_write_all([(path, data)], protect)[0]


def atomic_write_all(items: Sequence[tuple[str | os.PathLike, bytes]],
                     protect: Iterable[str | os.PathLike] = ()) -> list[str]:
    """Write several files all or nothing, as far as a file system allows: every target is
    checked and every temporary written first; only then are they renamed into place. A
    failure before the renames leaves every old file as it was."""
    protect = tuple(protect)
    plan = []
    for path, data in items:
        target = _text(path)
        plan.append((target, data, guard(target, protect)))
    staged: list[tuple[str, str]] = []
    try:
        for target, data, st in plan:
            if not _streamed(st):
                staged.append((target, _stage(target, data, st)))
    except BaseException:
        for _, tmp in staged:
            _unlink(tmp)
        raise
    for target, data, st in plan:
        if _streamed(st):
            _write_stream(target, data)
    for i, (target, tmp) in enumerate(staged):
        try:
            os.replace(tmp, target)
        except OSError as exc:
            for _, left in staged[i:]:
                _unlink(left)
            raise ConversionError(f"{target}: cannot write: {exc.strerror or exc}") from None
        _remove_stale_parts(os.path.dirname(target) or ".")
    return [target for target, _, _ in plan]


_SWEPT: set[str] = set()  # folders this process has cleared of stale temporaries
_PART_NAME = re.compile(r"\..+\.[0-9a-f]{12}\.part", re.DOTALL)  # as _mkstemp names them


def _remove_stale_parts(folder: str, age: float = 60.0) -> None:
    """Remove the hidden temporaries (``.NAME.XXXXXXXXXXXX.part``) of killed writers, once
    they are ``age`` seconds old; once per folder in a process."""
    key = os.path.abspath(folder)
    if key in _SWEPT:
        return
    if len(_SWEPT) >= 10000:
        _SWEPT.clear()
    _SWEPT.add(key)
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if _PART_NAME.fullmatch(entry.name):
            try:
                if now - entry.stat(follow_symlinks=False).st_mtime > age:
                    os.unlink(entry.path)
            except OSError:
                pass
