"""One conversion, start to end: a :class:`Job` and :func:`execute`.

``convert()`` (the API and the CLI) and every batch worker run a conversion through
:func:`execute`: read (with format detection), ``-M`` metadata, transforms in order, then each
writer. Where the results go is the caller's business: ``convert()`` writes every format or
none, a batch writes each format that succeeded and reports the others.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence

from .errors import ConversionError, ConvertkitError, PluginError, UsageError
from .model import Document
from .registry import options_for

#: the options of a conversion that are not a reader's, writer's or transform's own
JOB_KEYS = ("from_", "encoding", "meta", "transforms", "max_input_size")


@dataclass(frozen=True)
class Job:
    """A conversion to run: the source (a path or bytes, with its display ``name``), the
    output formats, how to read it, the metadata overrides and transforms, and the format
    options by key (``columns``, ``epub_vertical`` …)."""

    source: Any
    formats: tuple[str, ...]
    name: str = ""
    from_: str | None = None
    encoding: str | None = None
    meta: tuple[tuple[str, str], ...] = ()
    transforms: tuple[str, ...] = ()
    options: tuple[tuple[str, Any], ...] = ()
    max_input_size: int = 0  # 0: the default limit

    @classmethod
    def of(cls, source: Any, formats: Sequence[str], options: Mapping[str, Any], name: str = "") -> "Job":
        """A job from one flat mapping of options, as the CLI and batch gather them: the
        job's own keys (:data:`JOB_KEYS`) apart from the format options."""
        own = {k: options[k] for k in JOB_KEYS if options.get(k) is not None}
        rest = tuple(sorted((k, v) for k, v in options.items() if k not in JOB_KEYS and v is not None))
        return cls(source, tuple(formats), name, own.get("from_"), own.get("encoding"),
                   tuple(own.get("meta", ())), tuple(own.get("transforms", ())), rest,
                   int(own.get("max_input_size", 0)))


@dataclass
class Rendered:
    """One format of an executed job: its data, or the error that stopped its writer."""

    format: str
    extension: str
    data: str | bytes | None
    error: ConvertkitError | None
    ms: float


@dataclass
class Executed:
    """What :func:`execute` made: the document, each format rendered, the warnings."""

    document: Document
    data: bytes  # the source's bytes, as read
    rendered: list[Rendered] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def check(job: Job, pl: Any) -> None:
    """Refuse a job that cannot run, before any work: unknown formats, transforms or options,
    or an option value a format does not take."""
    from .api import _check_options

    if not job.formats:
        raise UsageError("no output format given")
    reg = pl.registry
    specs: list[Any] = [reg.writer(f) for f in job.formats]
    specs += [reg.transform(t) for t in job.transforms]
    specs += [reg.reader(job.from_)] if job.from_ else list(reg.readers.values())
    _check_options(specs, dict(job.options))


def execute(job: Job, pl: Any, *, skip: Sequence[str] = (),
            stage: Callable[[str], None] | None = None) -> Executed:
    """Run a job: read, apply metadata and transforms, render each format but those in
    ``skip``. A reading or transform failure raises; a writer's failure is recorded in its
    :class:`Rendered` and the other formats go on. ``stage`` is told what runs (a batch's
    timeout message names it)."""
    from .api import DEFAULT_MAX_INPUT, _call, _context, _load, _read, apply_meta, render

    tell = stage or (lambda _what: None)
    options = dict(job.options)
    warnings: list[str] = []
    tell("reading")
    data, _ = _load(job.source, job.max_input_size or DEFAULT_MAX_INPUT)
    if job.from_ in pl.registry.readers:
        spec = pl.registry.readers[job.from_]
        tell(f"reader {spec.name!r} (plugin {spec.plugin})")
    doc = _read(pl, data, job.name, job.from_, job.encoding, options, warnings)
    if job.meta:
        doc = apply_meta(doc, job.meta)
    for name in job.transforms:
        t = pl.registry.transform(name)
        tell(f"transform {t.name!r} (plugin {t.plugin})")
        doc = _call(t, "transform", t.transform, doc, _context([t], options_for(t, options), job.name, warnings))
        if not isinstance(doc, Document):
            raise PluginError(f"transform {t.name!r} (plugin {t.plugin}) returned {type(doc).__name__}, "
                              "not a Document")
    done = Executed(doc, data, warnings=warnings)
    for fmt in job.formats:
        spec = pl.registry.writer(fmt)
        if fmt in skip:
            continue
        tell(f"writer {spec.name!r} (plugin {spec.plugin})")
        t0 = time.perf_counter()
        out: str | bytes | None = None
        error: ConvertkitError | None = None
        try:
            out = render(doc, fmt, plugins=pl, warnings=warnings, source_name=job.name,
                         **options_for(spec, options))
        except ConvertkitError as exc:
            error = exc
        except Exception as exc:  # noqa: BLE001 - a writer's failure is its format's, not the job's
            error = ConversionError(f"internal error: {type(exc).__name__}: {' '.join(str(exc).split())}")
        done.rendered.append(Rendered(fmt, spec.extension, out, error, (time.perf_counter() - t0) * 1000))
    return done
