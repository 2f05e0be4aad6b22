"""Reproducible output: one build time for every writer (``SOURCE_DATE_EPOCH``, else a
fixed date, never "now") and zip archives whose bytes depend only on their members."""
from __future__ import annotations

import datetime as dt
import os
import struct
import zlib
from typing import Iterable

from .errors import ConversionError

FIXED_DATE = dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)  # the earliest date a zip can hold


def build_time() -> dt.datetime:
    """``SOURCE_DATE_EPOCH`` when set, else :data:`FIXED_DATE`; a malformed value is an error."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return FIXED_DATE
    try:
        when = dt.datetime.fromtimestamp(int(raw), tz=dt.timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise ConversionError(f"SOURCE_DATE_EPOCH={raw!r} is not a number of seconds") from None
    return max(when, FIXED_DATE)


def source_date_epoch_set() -> bool:
    return bool(os.environ.get("SOURCE_DATE_EPOCH", "").strip())


def zip_members(contents: dict[str, bytes], when: dt.datetime, *, first: Iterable[str] = (),
                stored: Iterable[str] = (), level: int = 9, memo: Iterable[str] = ()) -> bytes:
    """A zip of ``contents`` (name -> bytes): ``first`` ones first then the rest sorted, each
    dated ``when``, mode 0644, made on Unix; ``stored`` ones uncompressed, the others deflated
    at ``level``. The bytes are those :mod:`zipfile` writes for the same members (a test
    compares them). The ``memo`` members, a writer's parts that are the same for every
    document (styles, fonts, theme), are compressed once per process, not once per page;
    the document's own parts always afresh (a batch of identical pages must cost what
    different pages would)."""
    lead = [n for n in first if n in contents]
    order = lead + sorted(n for n in contents if n not in lead)
    stored, memo = set(stored), set(memo)
    # a zip holds 1980-01-01 to 2107-12-31: a page dated outside keeps its own date in the
    # document, its archive's member times are clamped
    y, mo, d, h, mi, s = when.timetuple()[:6]
    if not 1980 <= y <= 2107:
        y, mo, d, h, mi, s = (1980, 1, 1, 0, 0, 0) if y < 1980 else (2107, 12, 31, 23, 59, 58)
    dosdate, dostime = (y - 1980) << 9 | mo << 5 | d, h << 11 | mi << 5 | s // 2
    body: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    for name in order:
        content = contents[name]
        try:
            raw_name, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            raw_name, flags = name.encode("utf-8"), 0x800
        if len(content) >= _ZIP64_LIMIT or offset >= _ZIP64_LIMIT:
            raise ConversionError(f"zip member {name} would pass 2 GiB (zip64 is not written)")
        method = 0 if name in stored else 8
        packed, crc = (content, zlib.crc32(content)) if method == 0 else _deflated(content, level, name in memo)
        fields = (flags, method, dostime, dosdate, crc, len(packed), len(content), len(raw_name), 0)
        body += (struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", 20, 0, *fields), raw_name, packed)
        central += (struct.pack("<4s4B4HL2L5HLL", b"PK\x01\x02", 20, 3, 20, 0, *fields, 0, 0, 0,
                                0o644 << 16, offset), raw_name)
        offset += 30 + len(raw_name) + len(packed)
    directory = b"".join(central)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(order), len(order), len(directory), offset, 0)
    return b"".join(body) + directory + end


_ZIP64_LIMIT = (1 << 31) - 1
_DEFLATED: dict[tuple[bytes, int], tuple[bytes, int]] = {}
_MEMO_MIN, _MEMO_MAX, _MEMO_LARGEST = 1024, 32, 256 * 1024


def _deflated(content: bytes, level: int, remember: bool = False) -> tuple[bytes, int]:
    """Raw deflate of ``content`` and its CRC-32; with ``remember``, memoised (the last few
    large members)."""
    key = (content, level)
    if remember:
        hit = _DEFLATED.get(key)
        if hit is not None:
            return hit
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    out = c.compress(content) + c.flush(), zlib.crc32(content)
    if remember and _MEMO_MIN <= len(content) <= _MEMO_LARGEST:
        if len(_DEFLATED) >= _MEMO_MAX:
            _DEFLATED.clear()
        _DEFLATED[key] = out
    return out
