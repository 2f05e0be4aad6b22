"""Value semantics for convertkit's dataclasses, written once.

``@dataclass`` compiles an ``__init__``, and for a frozen class a ``__setattr__`` and a
``__delattr__``, for every class at import: about 0.25 ms a class, some 7 ms of a one-page
conversion's start-up for the model and the registry. convertkit's dataclasses are
therefore declared ``@dataclass(init=False, eq=False, repr=False)`` over :class:`Record` or
:class:`Value` and write their ``__init__``: every field set in field order (with
:data:`_set`, as a frozen dataclass's generated ``__init__`` sets them), with the fields'
defaults. ``fields``, ``replace``, ``asdict`` and pattern matching work as for any
dataclass. ``tests/test_model_json.py`` checks each ``__init__`` against the signature
``@dataclass`` would generate, and the behaviour against generated twins.
"""
from __future__ import annotations

from dataclasses import FrozenInstanceError, fields
from typing import Any

#: How a :class:`Value`'s ``__init__`` sets its fields, past its own ``__setattr__``. (Filling
#: ``self.__dict__`` directly is faster but makes Python 3.11 give every instance a dict of its
#: own: 64 bytes more an instance, and a 1,000-page input's peak memory 14 → 15 × its size.)
_set = object.__setattr__

# Field names per class, for the methods below: (compared, shown).
_FIELD_NAMES: dict[type, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _field_names(cls: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        fs = fields(cls)  # type: ignore[arg-type]
        names = _FIELD_NAMES[cls] = (tuple(f.name for f in fs if f.compare), tuple(f.name for f in fs if f.repr))
    return names


class Record:
    """Equality and ``repr`` by field values, as ``@dataclass`` generates them: equal when of
    the same class with equal fields, shown as ``Name(field=value, ...)``. Mutable, so not
    hashable."""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]

    def _compared(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in _field_names(type(self))[0])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._compared() == other._compared()  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _field_names(type(self))[1])
        return f"{type(self).__qualname__}({shown})"


class Value(Record):
    """A :class:`Record` that is immutable, as a frozen dataclass is (assigning or deleting
    any attribute raises :class:`dataclasses.FrozenInstanceError`), and hashed by the tuple of
    its fields. Its ``__init__`` sets the fields with :data:`_set`."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(self._compared())

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")
