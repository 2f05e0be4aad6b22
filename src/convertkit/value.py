"""Value semantics for convertkit's frozen dataclasses, written once."""
from __future__ import annotations

from dataclasses import fields
from typing import Any

# Field names per class, for Value's methods: (compared, shown).
_FIELD_NAMES: dict[type, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _field_names(cls: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        fs = fields(cls)  # type: ignore[arg-type]
        names = _FIELD_NAMES[cls] = (tuple(f.name for f in fs if f.compare), tuple(f.name for f in fs if f.repr))
    return names


class Value:
    """Equality, hashing and ``repr`` by field values, written once for convertkit's
    dataclasses instead of generated and compiled for each class at import (about 0.2 ms a
    class, which a one-page conversion's start-up notices). The dataclasses are declared
    ``@dataclass(frozen=True, eq=False, repr=False)`` over this base and behave as with
    the generated methods: equal when of the same class with equal fields, hashed by the
    tuple of their fields, shown as ``Name(field=value, ...)``."""

    __slots__ = ()

    def _compared(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in _field_names(type(self))[0])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._compared() == other._compared()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._compared())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _field_names(type(self))[1])
        return f"{type(self).__qualname__}({shown})"
