"""Entry points of one group, found by reading ``*.dist-info`` folders on ``sys.path``.

``importlib.metadata`` does the same but costs about 20 ms to import (it pulls in the
email parser); a start-up as fast as Python's own cannot pay that. This reader covers the
layouts installers write (``.dist-info`` and ``.egg-info`` folders in path directories)
and hands anything else (a zip or egg file on ``sys.path``) to ``importlib.metadata``.
As there, the first distribution of a name on ``sys.path`` wins.
"""
from __future__ import annotations

import importlib
import os
import sys
from dataclasses import dataclass
from typing import Any

from .value import Value, _set


@dataclass(init=False, eq=False, repr=False)
class EntryPoint(Value):
    """One ``name = module:attr`` line of a group, with the distribution it came from."""

    name: str
    value: str
    dist: str
    version: str

    def __init__(self, name: str, value: str, dist: str, version: str) -> None:
        _set(self, "name", name)
        _set(self, "value", value)
        _set(self, "dist", dist)
        _set(self, "version", version)

    def load(self) -> Any:
        module, _, attrs = self.value.partition("[")[0].strip().partition(":")
        obj = importlib.import_module(module.strip())
        for attr in filter(None, attrs.strip().split(".")):
            obj = getattr(obj, attr)
        return obj


def _normalize(name: str) -> str:
    return "".join("-" if c in "-_." else c for c in name.lower())


def _section(text: str, group: str) -> list[tuple[str, str]]:
    """``name = value`` pairs of one ``[group]`` of an entry_points.txt."""
    out, inside = [], False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            inside = line[1:-1].strip() == group
        elif inside and "=" in line:
            name, _, value = line.partition("=")
            out.append((name.strip(), value.strip()))
    return out


def _headers(folder: str) -> tuple[str, str]:
    """Name and Version from a distribution's METADATA (or PKG-INFO) headers."""
    name = version = ""
    for meta in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(folder, meta), encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    if not line.strip():
                        break
                    key, _, value = line.partition(":")
                    if key == "Name" and not name:
                        name = value.strip()
                    elif key == "Version" and not version:
                        version = value.strip()
        except OSError:
            continue
        break
    return name, version


def _stdlib(group: str) -> list[EntryPoint]:
    from importlib import metadata

    out = []
    for ep in metadata.entry_points(group=group):
        dist = getattr(ep, "dist", None)
        out.append(EntryPoint(ep.name, ep.value, dist.metadata["Name"] if dist is not None else "",
                              dist.version if dist is not None else ""))
    return out


def entry_points(group: str) -> list[EntryPoint]:
    """Every entry point of ``group`` visible on ``sys.path``, in path order."""
    seen: set[str] = set()
    out: list[EntryPoint] = []
    for entry in sys.path:
        folder = entry or "."
        if os.path.isfile(folder):
            return _stdlib(group)  # zipped distributions: the standard library's reader
        try:
            names = sorted(n for n in os.listdir(folder) if n.endswith((".dist-info", ".egg-info")))
        except OSError:
            continue
        for dirname in names:
            path = os.path.join(folder, dirname)
            stem = dirname.rsplit(".", 1)[0]
            key = _normalize(stem.split("-")[0])
            if key in seen:
                continue
            seen.add(key)
            try:
                with open(os.path.join(path, "entry_points.txt"), encoding="utf-8") as fh:
                    pairs = _section(fh.read(), group)
            except (OSError, UnicodeDecodeError):
                continue
            if pairs:
                dist, version = _headers(path)
                out.extend(EntryPoint(n, v, dist or stem.split("-")[0], version) for n, v in pairs)
    return out
