"""Hook specifications: every hook a convertkit plugin may implement.

Plugins are found through the entry-point group ``convertkit`` and implement these
hooks with the :data:`convertkit.hookimpl` marker.
"""
from __future__ import annotations

import pluggy

from .registry import Registry

hookspec = pluggy.HookspecMarker("convertkit")


@hookspec
def convertkit_register_readers(registry: Registry) -> None:
    """Register input formats.

    Call ``registry.add(ReaderSpec(name=..., read=..., ...))`` once per format.
    Import heavy dependencies inside the ``read`` function, not at module level.

    :param registry: the registry to add :class:`~convertkit.registry.ReaderSpec` s to.
    """


@hookspec
def convertkit_register_writers(registry: Registry) -> None:
    """Register output formats.

    Call ``registry.add(WriterSpec(name=..., write=..., extension=..., binary=...))``.
    A writer declares whether it returns ``str`` or ``bytes`` and its default file
    extension; the CLI chooses file modes from that, not from the name.

    :param registry: the registry to add :class:`~convertkit.registry.WriterSpec` s to.
    """


@hookspec
def convertkit_register_transforms(registry: Registry) -> None:
    """Register document transforms (filters run between reading and writing).

    Call ``registry.add(TransformSpec(name=..., transform=...))``. Users choose them with
    ``--transform NAME`` (repeatable, applied in the order given).

    :param registry: the registry to add :class:`~convertkit.registry.TransformSpec` s to.
    """


@hookspec(firstresult=True)
def convertkit_detect_format(text: str, name: str) -> str | None:
    """Name the input format of a text whose format was not given.

    Stops at first non-None result. The generic ``text`` reader answers last
    (``trylast=True``), so any plugin may claim an input before it.

    :param text: the decoded input (implementations should look at a prefix only).
    :param name: the input's file name, or ``""`` for stdin and bytes.
    :return: a reader name, or ``None`` to let other plugins decide.
    """
