"""convertkit: convert documents through one document model and a pluggy plugin system.

The API (:func:`read`, :func:`write`, :func:`convert`) is imported on first use, and
plugins load lazily on the first conversion, never at import.
"""
from __future__ import annotations

__version__ = "0.1.0"

TYPE_CHECKING = False  # typing and pluggy load on first use, not with the package
if TYPE_CHECKING:
    from typing import Any

    import pluggy

    #: Marker for plugin hook implementations: ``@convertkit.hookimpl``.
    hookimpl: pluggy.HookimplMarker

_LAZY = {
    "read": "api", "write": "api", "convert": "api", "render": "api", "Result": "api", "Output": "api",
    "ConvertkitError": "errors", "ConversionError": "errors", "UsageError": "errors",
    "Document": "model", "Meta": "model",
    "ReaderSpec": "registry", "WriterSpec": "registry", "TransformSpec": "registry", "Option": "registry",
    "Context": "registry",
}

__all__ = ["__version__", "hookimpl", *_LAZY]


def __getattr__(name: str) -> Any:
    """The API, the model and the marker for hook implementations, made on first use:
    importing convertkit imports nothing else (the command pauses the garbage collector
    before pluggy, typing and the rest load)."""
    if name == "hookimpl":
        import pluggy

        value: Any = pluggy.HookimplMarker("convertkit")
    else:
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module 'convertkit' has no attribute {name!r}")
        import importlib

        value = getattr(importlib.import_module(f"convertkit.{module}"), name)
    globals()[name] = value
    return value
