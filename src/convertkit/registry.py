"""Typed registration objects: what a plugin adds, and the registry it adds them to."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Union

from .errors import UsageError
from .model import Document
from .value import Record, Value, _set


@dataclass(init=False, eq=False, repr=False)
class Option(Value):
    """A format-specific option, offered on the CLI as ``--<name>`` and in the API as
    ``name_with_underscores=``. ``type`` is ``bool`` (a flag), ``int``, ``str`` or ``"path"``;
    a ``str`` option with ``choices`` takes only those values."""

    name: str
    help: str
    type: Any = bool
    default: Any = None
    choices: tuple[str, ...] = ()

    def __init__(self, name: str, help: str, type: Any = bool, default: Any = None,
                 choices: tuple[str, ...] = ()) -> None:
        _set(self, "name", name)
        _set(self, "help", help)
        _set(self, "type", type)
        _set(self, "default", default)
        _set(self, "choices", choices)

    @property
    def key(self) -> str:
        return self.name.replace("-", "_")


@dataclass(init=False, eq=False, repr=False)
class Context(Record):
    """What a reader, writer or transform is given besides the document: the options
    (defaults filled in), the input's name, and a place to report warnings."""

    options: dict[str, Any] = field(default_factory=dict)
    source_name: str = ""
    warnings: list[str] = field(default_factory=list)

    def __init__(self, options: dict[str, Any] | None = None, source_name: str = "",
                 warnings: list[str] | None = None) -> None:
        self.options = {} if options is None else options
        self.source_name = source_name
        self.warnings = [] if warnings is None else warnings

    def warn(self, message: str) -> None:
        """Record a one-line warning for the user."""
        self.warnings.append(message)

    def option(self, key: str, default: Any = None) -> Any:
        """The value of a declared option (``default`` when it was not given). Asking for an
        option the format did not declare is a plugin bug (a typo), and raises ``KeyError``:
        convertkit fills in every declared option, so a silent default would hide it."""
        if key not in self.options:
            declared = ", ".join(sorted(self.options)) or "none"
            raise KeyError(f"option {key!r} is not declared by this format (declared: {declared})")
        value = self.options[key]
        return default if value is None else value


def options_for(spec: Any, options: dict[str, Any]) -> dict[str, Any]:
    """The options among ``options`` that ``spec`` (a reader, writer or transform) declares:
    the one place a conversion's options are handed out to the specs that take them."""
    keys = {o.key for o in spec.options}
    return {k: v for k, v in options.items() if k in keys and v is not None}


def lazy(target: str) -> Callable[..., Any]:
    """A function named ``"package.module:function"``, imported on its first call, so that
    registering a format costs no import of its (often heavy) implementation::

        registry.add(WriterSpec("epub", lazy("convertkit_epub.writer:write_epub"), "epub"))
    """
    module, _, attr = target.partition(":")
    if not module or not attr:
        raise ValueError(f"lazy({target!r}): expected 'package.module:function'")
    resolved: list[Callable[..., Any]] = []

    def call(*args: Any, **kwargs: Any) -> Any:
        if not resolved:
            import importlib

            resolved.append(getattr(importlib.import_module(module), attr))
        return resolved[0](*args, **kwargs)

    call.__qualname__ = call.__name__ = f"lazy:{target}"
    return call


#: ``read(text_or_bytes, ctx) -> Document``
ReadFunc = Callable[[Any, Context], Document]
#: ``write(doc, ctx) -> str | bytes``
WriteFunc = Callable[[Document, Context], Union[str, bytes]]
#: ``transform(doc, ctx) -> Document``
TransformFunc = Callable[[Document, Context], Document]


@dataclass(init=False, eq=False, repr=False)
class ReaderSpec(Value):
    """An input format. ``binary`` readers get bytes, others get decoded text. ``magic``:
    byte strings an input of this format starts with (``%PDF-``); an input that starts with
    one is given to this reader when no format is named."""

    name: str
    read: ReadFunc
    description: str = ""
    extensions: tuple[str, ...] = ()
    binary: bool = False
    options: tuple[Option, ...] = ()
    plugin: str = ""
    magic: tuple[bytes, ...] = ()

    def __init__(self, name: str, read: ReadFunc, description: str = "", extensions: tuple[str, ...] = (),
                 binary: bool = False, options: tuple[Option, ...] = (), plugin: str = "",
                 magic: tuple[bytes, ...] = ()) -> None:
        _set(self, "name", name)
        _set(self, "read", read)
        _set(self, "description", description)
        _set(self, "extensions", extensions)
        _set(self, "binary", binary)
        _set(self, "options", options)
        _set(self, "plugin", plugin)
        _set(self, "magic", magic)


@dataclass(init=False, eq=False, repr=False)
class WriterSpec(Value):
    """An output format. ``binary`` writers return bytes, others return str.
    ``extension`` is the default file extension without the dot."""

    name: str
    write: WriteFunc
    extension: str
    binary: bool = False
    description: str = ""
    options: tuple[Option, ...] = ()
    plugin: str = ""

    def __init__(self, name: str, write: WriteFunc, extension: str, binary: bool = False,
                 description: str = "", options: tuple[Option, ...] = (), plugin: str = "") -> None:
        _set(self, "name", name)
        _set(self, "write", write)
        _set(self, "extension", extension)
        _set(self, "binary", binary)
        _set(self, "description", description)
        _set(self, "options", options)
        _set(self, "plugin", plugin)


@dataclass(init=False, eq=False, repr=False)
class TransformSpec(Value):
    """A document filter applied between reading and writing (pandoc's ``--filter``)."""

    name: str
    transform: TransformFunc
    description: str = ""
    options: tuple[Option, ...] = ()
    plugin: str = ""

    def __init__(self, name: str, transform: TransformFunc, description: str = "",
                 options: tuple[Option, ...] = (), plugin: str = "") -> None:
        _set(self, "name", name)
        _set(self, "transform", transform)
        _set(self, "description", description)
        _set(self, "options", options)
        _set(self, "plugin", plugin)


Spec = Union[ReaderSpec, WriterSpec, TransformSpec]

#: names pandoc users type for convertkit's formats (``--to md``, ``-f plain``); a plugin's own
#: format of the same name comes first
WRITER_ALIASES = {"md": "markdown", "commonmark": "markdown", "plain": "txt", "text": "txt",
                  "xml": "tei", "tei-xml": "tei", "epub3": "epub", "html5": "html", "native-json": "pandoc-json"}
READER_ALIASES = {"txt": "text", "plain": "text", "pdf": "newspage-pdf"}
#: file extensions that name an output format besides each writer's own (``-o page.htm``)
EXTRA_EXTENSIONS = {"htm": "html", "xhtml": "html", "markdown": "markdown", "text": "txt", "xml": "tei"}


class Registry:
    """Readers, writers and transforms by name. Plugins call :meth:`add`; the plugin
    manager records which plugin added each spec."""

    def __init__(self) -> None:
        self.readers: dict[str, ReaderSpec] = {}
        self.writers: dict[str, WriterSpec] = {}
        self.transforms: dict[str, TransformSpec] = {}
        self.current_plugin = ""
        self.missing: dict[str, str] = {}  # format name -> why it is not available
        #: which plugin wins a name two register: higher rank wins, the first on a tie
        #: (:class:`convertkit.plugins.Plugins` ranks built-ins over third parties)
        self.rank: Callable[[str], int] = lambda plugin: 0
        #: (kind, name, plugin kept, plugin dropped), for each name registered twice
        self.conflicts: list[tuple[str, str, str, str]] = []

    def add(self, spec: Spec) -> None:
        """Register a reader, writer or transform. A name registered by two plugins is
        never taken over silently: the higher-ranked plugin keeps it (a built-in, unless the
        user prefers the other) and the conflict is recorded, to be reported as a load error
        of the plugin that lost it."""
        from dataclasses import replace

        table = self._table(spec)
        if not isinstance(spec.name, str) or not spec.name:
            raise TypeError(f"spec name must be a non-empty str, got {spec.name!r}")
        new = replace(spec, plugin=spec.plugin or self.current_plugin)
        old = table.get(spec.name)
        kind = type(spec).__name__.replace("Spec", "").lower()
        if old is None:
            table[spec.name] = new
        elif old.plugin != new.plugin:
            if self.rank(new.plugin) > self.rank(old.plugin):
                table[spec.name] = new
                self.conflicts.append((kind, spec.name, new.plugin, old.plugin))
            else:
                self.conflicts.append((kind, spec.name, old.plugin, new.plugin))

    def _table(self, spec: Any) -> dict:
        if isinstance(spec, ReaderSpec):
            return self.readers
        if isinstance(spec, WriterSpec):
            return self.writers
        if isinstance(spec, TransformSpec):
            return self.transforms
        raise TypeError(f"expected ReaderSpec, WriterSpec or TransformSpec, got {type(spec).__name__}")

    def reader(self, name: str) -> ReaderSpec:
        return self._get(self.readers, name, "input", READER_ALIASES)

    def reader_for_magic(self, data: bytes) -> str | None:
        """The reader whose ``magic`` the input starts with (the longest such magic), if any."""
        found = [(len(m), name) for name, spec in self.readers.items() for m in spec.magic if data.startswith(m)]
        return max(found)[1] if found else None

    def reader_for_name(self, path: str) -> str | None:
        """The reader that declares the file's extension (``ReaderSpec.extensions``), when
        exactly one does: content detection comes first, the extension decides what it left
        open (``page.html`` goes to an HTML reader, not to the plain-text default)."""
        import os

        ext = os.path.splitext(path)[1].lstrip(".").lower()
        found = [name for name, spec in self.readers.items()
                 if ext and ext in {e.lstrip(".").lower() for e in spec.extensions}]
        return found[0] if len(found) == 1 else None

    def writer(self, name: str) -> WriterSpec:
        return self._get(self.writers, name, "output", WRITER_ALIASES)

    def transform(self, name: str) -> TransformSpec:
        return self._get(self.transforms, name, "transform", {})

    def format_for_path(self, path: str) -> str:
        """The output format a file name asks for by its extension (``page.epub``, the
        longest match first: ``page.pandoc.json`` is pandoc-json, ``page.json`` json)."""
        import os

        base = os.path.basename(os.fspath(path)).lower()
        found = [(spec.extension, name) for name, spec in self.writers.items()]
        found += [(ext, name) for ext, name in EXTRA_EXTENSIONS.items() if name in self.writers]
        for ext, name in sorted(found, key=lambda e: -len(e[0])):
            if base.endswith("." + ext.lower()) and len(base) > len(ext) + 1:
                return name
        raise UsageError(f"cannot tell the output format from {path!r}: give --to "
                         f"(known: {', '.join(sorted(self.writers))})")

    def _get(self, table: dict, name: str, what: str, aliases: dict[str, str]) -> Any:
        if name in table:
            return table[name]
        if aliases.get(name) in table:
            return table[aliases[name]]
        why = self.missing.get(name)
        if why:
            raise UsageError(f"{what} format {name!r} is unavailable: {why}")
        import difflib

        known = ", ".join(sorted(table)) or "none"
        label = "transform" if what == "transform" else f"{what} format"
        close = difflib.get_close_matches(str(name), [*table, *(a for a, n in aliases.items() if n in table)],
                                          n=1, cutoff=0.6)
        hint = f"; did you mean {aliases.get(close[0], close[0])!r}?" if close else ""
        raise UsageError(f"unknown {label} {name!r}{hint} (known: {known})")
