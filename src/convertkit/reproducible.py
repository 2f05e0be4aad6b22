"""Reproducible output: one build time for every writer (``SOURCE_DATE_EPOCH``, else a
fixed date, never "now") and zip archives whose bytes depend only on their members."""
from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from typing import Callable, Iterable

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


def rezip(data: bytes, when: dt.datetime, *, first: Iterable[str] = (), stored: Iterable[str] = (),
          edit: Callable[[str, bytes], bytes | None] | None = None, level: int = 9) -> bytes:
    """The members of zip ``data`` again, ``first`` ones first then the rest sorted, each dated
    ``when`` with fixed permissions; ``stored`` ones uncompressed, the others deflated at
    ``level``. ``edit(name, content)`` may return new content, or None to drop the member."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        contents = {n: src.read(n) for n in src.namelist()}
    lead = [n for n in first if n in contents]
    order = lead + sorted(n for n in contents if n not in lead)
    stored = set(stored)
    stamp = when.timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name in order:
            content = contents[name] if edit is None else edit(name, contents[name])
            if content is None:
                continue
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 3
            info.external_attr = 0o644 << 16
            if name in stored:
                info.compress_type = zipfile.ZIP_STORED
                z.writestr(info, content)
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, content, compresslevel=level)
    return out.getvalue()
