"""Check a document against the model's declared types: :func:`validate`.

Readers (and the JSON form) build documents from outside data; a wrong type (a string
where a tuple of inlines belongs, a bool for text, a heading level of -5) must be found
where it enters, named by its path (``blocks[0].content``), not by a writer that trips on
it later. The checks follow the field annotations in :mod:`convertkit.model`.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Any, Callable

from . import model

_INLINES = (model.Text, model.Emph, model.Strong, model.LineBreak, model.Link, model.Note)
_BLOCKS = (model.Para, model.Heading, model.BlockQuote, model.ListBlock, model.Div, model.Section, model.Article)
_LANG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")  # a BCP 47 tag's shape


class ModelError(ValueError):
    """A document that does not fit the model: ``path`` says where."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}" if path else problem)
        self.path, self.problem = path, problem


def _name(x: Any) -> str:
    return type(x).__name__


def _str(x: Any, path: str) -> None:
    if type(x) is not str:
        raise ModelError(path, f"expected text, got {_name(x)}")


def _int(x: Any, path: str) -> None:
    if type(x) is not int:
        raise ModelError(path, f"expected a whole number, got {_name(x)}")


def _float(x: Any, path: str) -> None:
    if type(x) not in (float, int) or x != x or x in (float("inf"), float("-inf")):
        raise ModelError(path, f"expected a number, got {_name(x)}")


def _box(x: Any, path: str) -> None:
    if type(x) is not tuple or len(x) != 4:
        raise ModelError(path, f"expected a box (left, top, right, bottom), got {_name(x)}")
    for i, v in enumerate(x):
        _float(v, f"{path}[{i}]")


def _bool(x: Any, path: str) -> None:
    if type(x) is not bool:
        raise ModelError(path, f"expected true or false, got {_name(x)}")


def _node(kinds: tuple[type, ...], what: str) -> Callable[[Any, str], None]:
    def check(x: Any, path: str) -> None:
        if not isinstance(x, kinds):
            raise ModelError(path, f"expected {what}, got {_name(x)}")
        _fields(x, path)
    return check


def _optional(inner: Callable[[Any, str], None]) -> Callable[[Any, str], None]:
    def check(x: Any, path: str) -> None:
        if x is not None:
            inner(x, path)
    return check


def _tuple_of(inner: Callable[[Any, str], None], what: str) -> Callable[[Any, str], None]:
    def check(x: Any, path: str) -> None:
        if type(x) is not tuple:
            raise ModelError(path, f"expected a list of {what}, got {_name(x)}")
        for i, item in enumerate(x):
            inner(item, f"{path}[{i}]")
    return check


def _pair(first: Callable[[Any, str], None], second: Callable[[Any, str], None]) -> Callable[[Any, str], None]:
    def check(x: Any, path: str) -> None:
        if type(x) is not tuple or len(x) != 2:
            raise ModelError(path, f"expected a pair, got {_name(x)}")
        first(x[0], f"{path}[0]")
        second(x[1], f"{path}[1]")
    return check


_inline = _node(_INLINES, "an inline (Text, Emph, Strong, LineBreak, Link, Note)")
_block = _node(_BLOCKS, "a block (Para, Heading, BlockQuote, ListBlock, Div, Section, Article)")
_inlines = _tuple_of(_inline, "inlines")
_blocks = _tuple_of(_block, "blocks")
_span = _optional(_node((model.Span,), "a Span"))
_attrs = _tuple_of(_pair(_str, _str), "[key, value] pairs")

#: annotation text (as the model writes it) -> its check
_CHECKS: dict[str, Callable[[Any, str], None]] = {
    "str": _str, "int": _int, "bool": _bool,
    "tuple[Inline, ...]": _inlines, "tuple[Block, ...]": _blocks,
    "Span | None": _span, "Attrs": _attrs, "tuple[tuple[str, str], ...]": _attrs,
    "tuple[tuple[int, int], ...]": _tuple_of(_pair(_int, _int), "[offset, line] pairs"),
    "tuple[tuple[Block, ...], ...]": _tuple_of(_blocks, "items"),
    "tuple[str, ...]": _tuple_of(_str, "texts"),
    "SourceInfo": _node((model.SourceInfo,), "a SourceInfo"),
    "tuple[Furniture, ...]": _tuple_of(_node((model.Furniture,), "a Furniture"), "furniture"),
    "Meta": _node((model.Meta,), "a Meta"),
    "float": _float,
    "tuple[float, float, float, float]": _box,
    "tuple[tuple[str, Span], ...]": _tuple_of(_pair(_str, _node((model.Span,), "a Span")), "[name, span] pairs"),
    "tuple[Surface, ...]": _tuple_of(_node((model.Surface,), "a Surface"), "surfaces"),
    "tuple[Zone, ...]": _tuple_of(_node((model.Zone,), "a Zone"), "zones"),
}


def _fields(node: Any, path: str) -> None:
    for f in dataclasses.fields(node):
        check = _CHECKS.get(str(f.type))
        if check is None:  # pragma: no cover - a model field this module does not know: a bug here
            raise ModelError(path, f"no check for {type(node).__name__}.{f.name}: {f.type}")
        check(getattr(node, f.name), f"{path}.{f.name}" if path else f.name)
    if isinstance(node, model.Heading) and not 1 <= node.level <= 6:
        raise ModelError(f"{path}.level", f"a heading level is 1 to 6, not {node.level}")
    if isinstance(node, model.Meta) and node.language and not _LANG.fullmatch(node.language):
        raise ModelError(f"{path}.language", f"not a language tag: {node.language!r}")


def validate(doc: Any) -> None:
    """Raise :class:`ModelError` (a ``ValueError``) naming the first place where ``doc``
    does not fit the model; return ``None`` when it does."""
    if not isinstance(doc, model.Document):
        raise ModelError("", f"expected a Document, got {_name(doc)}")
    _fields(doc, "")
