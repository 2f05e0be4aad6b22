"""The Python API: :func:`read`, :func:`write`, :func:`convert`. The CLI is a thin layer over it."""
from __future__ import annotations

import dataclasses
import os
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence, Union

from .atomic import atomic_write, atomic_write_all, guard, same_file
from .decoding import decode
from .digest import sha256
from .errors import ConversionError, ConvertkitError, PluginError, UsageError
from .model import Document, SourceInfo
from .plugins import Plugins, get_plugins
from .registry import Context, Option, ReaderSpec, WriterSpec, options_for
from .value import Record

if TYPE_CHECKING:
    import pathlib

Source = Union[str, os.PathLike, bytes]
DEFAULT_MAX_INPUT = 64 * 1024 * 1024  # about 2,000 newspaper pages: beyond it, split the input


@dataclass(init=False, eq=False, repr=False)
class Output(Record):
    """One written format: where it went (``path``) or, when not written to a file, its ``data``."""

    format: str
    path: str | None
    data: str | bytes | None
    bytes: int
    ms: float

    def __init__(self, format: str, path: str | None, data: str | bytes | None, bytes: int, ms: float) -> None:
        self.format, self.path, self.data, self.bytes, self.ms = format, path, data, bytes, ms


@dataclass(init=False, eq=False, repr=False)
class Result(Record):
    """The outcome of :func:`convert`: the document read, one :class:`Output` per format, warnings."""

    source: str
    document: Document
    outputs: list[Output] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def __init__(self, source: str, document: Document, outputs: list[Output] | None = None,
                 warnings: list[str] | None = None) -> None:
        self.source, self.document = source, document
        self.outputs = [] if outputs is None else outputs
        self.warnings = [] if warnings is None else warnings

    @property
    def output(self) -> Output:
        """The only output (for single-format conversions)."""
        return self.outputs[0]


def _plugins(plugins: Plugins | None) -> Plugins:
    return plugins if plugins is not None else get_plugins()


def _load(src: Source, max_input: int) -> tuple[bytes, str]:
    """Bytes and display name of a source."""
    if isinstance(src, (bytes, bytearray)):
        if len(src) > max_input:
            raise ConversionError(f"input is {len(src)} bytes, over the limit of {max_input} (--max-input-size)")
        return bytes(src), ""
    path = os.fspath(src)
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    try:
        if os.path.isdir(path):
            raise ConversionError(f"{path}: is a folder, not a file")
        size = os.stat(path).st_size
        if size > max_input:
            raise ConversionError(f"{path}: {size} bytes, over the limit of {max_input} (--max-input-size)")
        with open(path, "rb") as fh:
            # never ask for more than the file holds: a huge limit must not allocate it
            data = fh.read(min(max_input, size) + 1) if size else fh.read(max_input + 1)
    except FileNotFoundError:
        raise ConversionError(f"{path}: no such file") from None
    except PermissionError:
        raise ConversionError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise ConversionError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise ConversionError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(data) > max_input:
        raise ConversionError(f"{path}: over the limit of {max_input} bytes (--max-input-size)")
    return data, path


def _context(specs: Iterable[Any], options: Mapping[str, Any], name: str, warnings: list[str]) -> Context:
    opts: dict[str, Any] = {}
    for spec in specs:
        for opt in spec.options:
            opts.setdefault(opt.key, opt.default)
    for k, v in options.items():
        if v is not None:
            opts[k] = v
    return Context(options=opts, source_name=name, warnings=warnings)


def _check_options(specs: Sequence[Any], options: Mapping[str, Any]) -> None:
    known = {opt.key: opt for spec in specs for opt in spec.options}
    unknown = sorted(k for k, v in options.items() if k not in known and v is not None)
    if unknown:
        asked = [s for s in specs if not isinstance(s, ReaderSpec)] or list(specs)  # the formats named
        names = ", ".join(s.name for s in asked)
        owners = _owners_of(unknown[0])
        flag = "--" + unknown[0].replace("_", "-")
        if owners:
            raise UsageError(f"{flag} is an option of {', '.join(owners)}, not of {names}")
        raise UsageError(f"unknown option(s) {', '.join(unknown)}: not known to {names} nor any other format")
    for k, v in options.items():
        opt = known[k] if v is not None else None
        if opt is not None and opt.choices and v not in opt.choices:
            raise UsageError(f"--{opt.name} {v!r}: choose one of {', '.join(opt.choices)}")


def _owners_of(key: str) -> list[str]:
    """The formats and transforms that declare option ``key``."""
    return [owner for opt, owner in all_options() if opt.key == key]


def _call(spec: Any, what: str, func: Any, *args: Any) -> Any:
    """Run plugin code; its own errors pass through, anything else is blamed on the plugin.
    What it prints goes to stderr (stdout may be the document)."""
    from .plugins import _prints_to_stderr

    try:
        with _prints_to_stderr():
            return func(*args)
    except ConvertkitError:
        raise
    except (MemoryError, RecursionError) as exc:
        raise ConversionError(f"{what} {spec.name!r} ran out of resources: {type(exc).__name__}") from exc
    except (SystemExit, GeneratorExit) as exc:  # a plugin may not end the process
        raise PluginError(f"{what} {spec.name!r} (plugin {spec.plugin or '?'}) tried to exit "
                          f"({type(exc).__name__} {exc})") from None
    except Exception as exc:  # noqa: BLE001
        raise PluginError(f"{what} {spec.name!r} (plugin {spec.plugin or '?'}) failed: "
                          f"{type(exc).__name__}: {' '.join(str(exc).split())}") from exc


def read(src: Source, format: str | None = None, *, encoding: str | None = None,
         max_input_size: int = DEFAULT_MAX_INPUT, plugins: Plugins | None = None,
         warnings: list[str] | None = None, **options: Any) -> Document:
    """Read a file path or bytes into a :class:`Document`.

    ``format`` names the reader; without it the plugins' format detection decides.
    The detected encoding, file name and sha256 are recorded in ``doc.meta.source``.
    """
    pl = _plugins(plugins)
    if format is not None:
        _check_options([pl.registry.reader(format)], options)
    else:
        _check_options(list(pl.registry.readers.values()), options)
    data, name = _load(src, max_input_size)
    return _read(pl, data, name, format, encoding, options, warnings if warnings is not None else [])


def _read(pl: Plugins, data: bytes, name: str, format: str | None, encoding: str | None,
          options: Mapping[str, Any], warnings: list[str]) -> Document:
    text = enc = None
    if format is None:
        format = pl.registry.reader_for_magic(data)
    if format is None:
        text, enc = decode(data, encoding, name or "input")
        format = pl.detect_format(text, os.path.basename(name)) or pl.registry.reader_for_name(name) or "text"
    spec: ReaderSpec = pl.registry.reader(format)
    # Options meant for another reader (detection chose this one) are left out, with a word
    # for the user: the option asked for did nothing
    mine = {o.key for o in spec.options}
    for key in sorted(k for k, v in options.items() if v is not None and k not in mine):
        owners = [r.name for r in pl.registry.readers.values() if any(o.key == key for o in r.options)]
        if owners:
            warnings.append(f"--{key.replace('_', '-')} is an option of {', '.join(owners)}, but the input was "
                            f"read as {spec.name} (-f {owners[0]} reads it as {owners[0]})")
    ctx = _context([spec], options_for(spec, dict(options)), name, warnings)
    if spec.binary:
        doc = _call(spec, "reader", spec.read, data, ctx)
        enc = ""
    else:
        if text is None:
            text, enc = decode(data, encoding, name or "input")
        doc = _call(spec, "reader", spec.read, text, ctx)
    if not isinstance(doc, Document):
        raise PluginError(f"reader {spec.name!r} (plugin {spec.plugin}) returned {type(doc).__name__}, not a Document")
    from .validate import ModelError, validate

    try:
        validate(doc)  # the reader, not a later writer, is blamed for a malformed document
    except ModelError as exc:
        raise PluginError(f"reader {spec.name!r} (plugin {spec.plugin}) made a document that does not fit "
                          f"the model: {exc}") from None
    if not doc.meta.source.sha256:
        # a file name that is not UTF-8 keeps its bytes as \xNN: every writer can hold it
        base = os.fsencode(os.path.basename(name)).decode("utf-8", "backslashreplace")
        source = SourceInfo(name=base, encoding=enc or "", sha256=sha256(data).hexdigest())
        doc = dataclasses.replace(doc, meta=dataclasses.replace(doc.meta, source=source))
    return doc


_META_FIELDS = {"title": "title", "lang": "language", "language": "language", "date": "date",
                "publisher": "publisher"}


def apply_meta(doc: Document, pairs: Iterable[tuple[str, str]]) -> Document:
    """Override metadata with ``key=value`` pairs (``-M``): known keys set fields,
    ``author`` (repeatable) replaces the authors, anything else goes to ``extra``."""
    meta = doc.meta
    authors: list[str] = []
    extra = dict(meta.extra)
    changes: dict[str, Any] = {}
    for key, value in pairs:
        if key in _META_FIELDS:
            changes[_META_FIELDS[key]] = value
        elif key in ("author", "authors"):
            authors.append(value)
        else:
            extra[key] = value
    if authors:
        changes["authors"] = tuple(authors)
    changes["extra"] = tuple(extra.items())
    return dataclasses.replace(doc, meta=dataclasses.replace(meta, **changes))


def render(doc: Document, format: str, *, plugins: Plugins | None = None,
           warnings: list[str] | None = None, source_name: str = "", **options: Any) -> str | bytes:
    """The output of one writer for a document, in memory."""
    pl = _plugins(plugins)
    spec: WriterSpec = pl.registry.writer(format)
    _check_options([spec], options)
    ctx = _context([spec], options, source_name, warnings if warnings is not None else [])
    out = _call(spec, "writer", spec.write, doc, ctx)
    expected = bytes if spec.binary else str
    if not isinstance(out, expected):
        raise PluginError(f"writer {spec.name!r} (plugin {spec.plugin}) returned {type(out).__name__}, "
                          f"not {expected.__name__}")
    if spec.binary:
        _check_archive(spec, out)
    return out


def _check_archive(spec: WriterSpec, data: bytes) -> None:
    """A binary writer's output counts only if it is not empty and, when it is a zip
    (EPUB, DOCX), the archive opens and holds members."""
    problem = "" if data else "an empty file"
    if data.startswith(b"PK"):
        import io
        import zipfile

        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                if not z.infolist():
                    problem = "an empty archive"
        except zipfile.BadZipFile as exc:
            problem = f"a broken archive ({exc})"
    if problem:
        raise PluginError(f"writer {spec.name!r} (plugin {spec.plugin}) made {problem}")


def write(doc: Document, format: str, dest: str | os.PathLike | None = None, *,
          plugins: Plugins | None = None, **options: Any) -> str | bytes | pathlib.Path:
    """Write a document in ``format``; to ``dest`` atomically if given (and return its
    :class:`pathlib.Path`), else return the data."""
    out = render(doc, format, plugins=plugins, **options)
    if dest is None:
        return out
    import pathlib

    return pathlib.Path(atomic_write(dest, out.encode("utf-8") if isinstance(out, str) else out))


def output_path(src_name: str, ext: str, out: str | os.PathLike | None, several: bool) -> str | None:
    """Where one format's output goes; ``None`` means: return the data, write no file."""
    if out is not None and str(out) == "-":
        return None
    # the last suffix only, as pathlib's stem: rmrb.2018-01-02.txt -> rmrb.2018-01-02.epub
    stem = os.path.splitext(os.path.basename(src_name))[0] if src_name else "output"
    if out is None:
        if not src_name:
            return None
        return os.path.join(os.path.dirname(src_name), f"{stem}.{ext}")
    if several or names_folder(out):
        return os.path.join(os.fspath(out), f"{stem}.{ext}")
    return os.fspath(out)


def names_folder(out: str | os.PathLike) -> bool:
    """``-o out/`` (a trailing separator) or an existing folder: outputs go inside it."""
    text = os.fspath(out)
    text = os.fsdecode(text) if isinstance(text, bytes) else text
    return text.endswith(("/", os.sep)) or os.path.isdir(text)


def convert(src: Source, to: str | Sequence[str], out: str | os.PathLike | None = None, *,
            from_: str | None = None, encoding: str | None = None,
            meta: Iterable[tuple[str, str]] = (), transforms: Sequence[str] = (),
            max_input_size: int = DEFAULT_MAX_INPUT, plugins: Plugins | None = None,
            **options: Any) -> Result:
    """Read ``src``, apply ``transforms`` in order, and write each format of ``to``.

    ``out`` is a file (one format), a folder (several formats), ``"-"`` to get the data
    back without writing, or ``None`` for ``<stem>.<ext>`` next to the input.
    Every file is written atomically; writing over the input is refused.
    """
    from .pipeline import Job, check, execute

    pl = _plugins(plugins)
    formats = [to] if isinstance(to, str) else list(to)
    name = "" if isinstance(src, (bytes, bytearray)) else str(src)
    job = Job(src, tuple(formats), name, from_, encoding, tuple(meta), tuple(transforms),
              tuple(sorted((k, v) for k, v in options.items() if v is not None)), max_input_size)
    check(job, pl)
    writers = [pl.registry.writer(f) for f in formats]
    several = len(formats) > 1
    targets = [output_path(name, w.extension, out, several) for w in writers]
    if out is not None and str(out) != "-" and (several or names_folder(out)):
        folder = os.fspath(out)
        if not os.path.isdir(folder):
            try:  # a folder named with a trailing / is made, as --output-dir is
                if not str(folder).endswith(("/", os.sep)):
                    raise UsageError(f"{out}: with several --to formats, -o names a folder "
                                     "(end it with / to have it made)")
                os.makedirs(folder, exist_ok=True)
            except OSError as exc:
                raise ConversionError(f"{out}: cannot make the folder: {exc.strerror or exc}") from None
    files = [t for t in targets if t is not None]
    if len(set(files)) < len(files):
        raise UsageError(f"two formats of {', '.join(formats)} would write the same file")
    for t in files:
        if name and same_file(t, name):  # a usage error here, before any work
            raise UsageError(f"{t}: refusing to write over the input file (choose another -o)")
        guard(t)  # a folder or a special file: refused before any work

    done = execute(job, pl)
    result = Result(source=name or "<bytes>", document=done.document, warnings=done.warnings)
    failed = next((r.error for r in done.rendered if r.error is not None), None)
    if failed is not None:  # a failing format writes no file at all
        raise failed
    raws = [r.data.encode("utf-8") if isinstance(r.data, str) else r.data for r in done.rendered]
    writes = [(target, raw) for target, raw in zip(targets, raws) if target is not None]
    t0 = time.perf_counter()
    atomic_write_all(writes, (name,) if name else ())  # all formats or none
    write_ms = (time.perf_counter() - t0) * 1000 / max(1, len(writes))
    for r, target, raw in zip(done.rendered, targets, raws):
        if target is not None:
            result.outputs.append(Output(r.format, target, None, len(raw), r.ms + write_ms))
        else:
            result.outputs.append(Output(r.format, None, r.data, len(raw), r.ms))
    return result


def all_options(plugins: Plugins | None = None) -> list[tuple[Option, str]]:
    """Every format option with the formats that offer it (for the CLI)."""
    pl = _plugins(plugins)
    seen: dict[str, tuple[Option, list[str]]] = {}
    reg = pl.registry
    for table in (reg.readers, reg.writers, reg.transforms):
        for spec in table.values():
            for opt in spec.options:
                entry = seen.setdefault(opt.key, (opt, []))
                entry[1].append(spec.name)
    return [(opt, ", ".join(names)) for opt, names in seen.values()]
