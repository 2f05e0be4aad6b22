"""The model's versioned JSON form (like pandoc's ``pandoc-api-version``).

Each node is an object ``{"t": "<ClassName>", <field>: <value>, ...}``; tuples are
arrays; attribute pairs are ``[key, value]`` arrays. The top level carries
``"convertkit-api-version": [major, minor]``; a reader refuses another major version.
"""
from __future__ import annotations

import dataclasses
import json
import re
from typing import Any

from .digest import sha256
from .errors import ConversionError
from .model import NODE_TYPES, Document

API_VERSION = (1, 2)  # 1.1: Para.lines; 1.2: Document.surfaces and zones, Article.parts, Section.heading_source
VERSION_KEY = "convertkit-api-version"


def to_data(node: Any) -> Any:
    """Plain JSON-able data for a model node (recursively)."""
    cls = type(node)
    names = _FIELDS.get(cls)
    if names is None:
        if cls in _LEAVES:  # most values are text and line numbers: no dataclass check
            return node
        if cls is tuple and all(type(x) in _LEAVES for x in node):
            return list(node)  # (offset, line) pairs, attribute pairs
        if isinstance(node, tuple):
            return [to_data(x) for x in node]
        if not dataclasses.is_dataclass(node) or isinstance(node, type):
            return node
        names = _FIELDS[type(node)] = tuple(f.name for f in dataclasses.fields(node))
    out: dict[str, Any] = {"t": type(node).__name__}
    for name in names:
        out[name] = to_data(getattr(node, name))
    return out


_FIELDS: dict[type, tuple[str, ...]] = {}  # dataclass -> its field names, in order
_LEAVES = frozenset({str, int, float, bool, type(None)})


def from_data(data: Any) -> Any:
    """Model nodes from data made by :func:`to_data`."""
    if isinstance(data, list):
        return tuple(from_data(x) for x in data)
    if isinstance(data, dict):
        name = data.get("t")
        cls = NODE_TYPES.get(name) if isinstance(name, str) else None
        if cls is None:
            raise ConversionError(f"JSON: unknown node type {name!r}")
        names = {f.name for f in dataclasses.fields(cls)}
        kwargs = {k: from_data(v) for k, v in data.items() if k != "t"}
        unknown = set(kwargs) - names
        if unknown:
            raise ConversionError(f"JSON: unknown field(s) {sorted(unknown)} in {name}")
        try:
            return cls(**kwargs)
        except TypeError as exc:
            raise ConversionError(f"JSON: bad {name} node: {exc}") from None
    return data


def dumps(doc: Document) -> str:
    """The document as versioned JSON text (UTF-8 characters kept, stable key order)."""
    data = {VERSION_KEY: list(API_VERSION), **to_data(doc)}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def digest(doc: Document) -> str:
    """SHA-256 (hex) of the document's JSON form, compact: the same document, the same digest."""
    data = {VERSION_KEY: list(API_VERSION), **to_data(doc)}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF][0-9a-fA-F]{2}")
_LONE = re.compile("[\ud800-\udfff]")


def _mend(data: Any, count: list[int]) -> Any:
    """``data`` with every lone surrogate (which no UTF-8 output can hold) as U+FFFD."""
    if isinstance(data, str):
        fixed, n = _LONE.subn("\ufffd", data)
        count[0] += n
        return fixed
    if isinstance(data, list):
        return [_mend(x, count) for x in data]
    if isinstance(data, dict):
        return {_mend(k, count): _mend(v, count) for k, v in data.items()}
    return data


def loads(text: str, warn: Any = None) -> Document:
    """A document from versioned JSON text; another major version is refused. Lone
    surrogates (``\\ud800`` escapes) become U+FFFD, and ``warn`` is told how many."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConversionError(f"not valid JSON: {exc}") from None
    except (ValueError, RecursionError) as exc:  # a 5,000-digit number, nesting past the stack
        raise ConversionError(f"JSON input refused: {' '.join(str(exc).split()) or type(exc).__name__}") from None
    if _SURROGATE_ESCAPE.search(text):
        count = [0]
        data = _mend(data, count)
        if count[0] and warn is not None:
            warn(f"{count[0]} lone surrogate escape(s) replaced by U+FFFD")
    if not isinstance(data, dict) or VERSION_KEY not in data:
        raise ConversionError(f"not a convertkit JSON document (no {VERSION_KEY!r})")
    version = data.pop(VERSION_KEY)
    if not (isinstance(version, list) and version and isinstance(version[0], int)):
        raise ConversionError(f"bad {VERSION_KEY!r}: {version!r}")
    if version[0] != API_VERSION[0]:
        raise ConversionError(
            f"JSON is convertkit-api-version {'.'.join(map(str, version))}, this convertkit reads "
            f"major version {API_VERSION[0]} only"
        )
    doc = from_data(data)
    if not isinstance(doc, Document):
        raise ConversionError("JSON top level is not a Document")
    from .validate import ModelError, validate

    try:
        validate(doc)
    except ModelError as exc:
        raise ConversionError(f"JSON does not fit the document model at {exc}") from None
    return doc
