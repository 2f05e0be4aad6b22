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
import time

from .errors import ConversionError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _mkstemp(folder: str, name: str) -> tuple[int, str]:
    """A new hidden ``.NAME.XXXXXXXX.part`` file in ``folder``, created exclusively, mode 0600
    (``tempfile.mkstemp`` does the same, but importing tempfile costs start-up time)."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        tmp = os.path.join(folder, f".{name}.{os.urandom(6).hex()}.part")
        try:
            return os.open(tmp, flags, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name for {name} in {folder}")


def atomic_write(path: str | os.PathLike, data: bytes) -> str:
    """Write ``data`` to ``path`` atomically and return the path (as a string)."""
    target = os.fspath(path)
    if isinstance(target, bytes):
        target = os.fsdecode(target)
    folder, name = os.path.split(target)
    folder = folder or "."
    if not os.path.isdir(folder):
        raise ConversionError(f"{target}: output folder {folder} does not exist")
    if os.path.isdir(target):
        raise ConversionError(f"{target}: is a folder, not a file")
    try:
        fd, tmp = _mkstemp(folder, name)
    except OSError as exc:
        raise ConversionError(f"{target}: cannot write in {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise ConversionError(f"{target}: cannot write: {exc.strerror or exc}") from None
        raise
    _remove_stale_parts(folder)
    return target


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
