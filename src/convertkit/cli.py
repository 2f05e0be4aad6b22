"""The ``convertkit`` command: argument parsing around :mod:`convertkit.api`.

Exit codes: 0 success, 1 conversion error, 2 usage error.
"""
from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .errors import ConvertkitError, UsageError

from typing import Any, Sequence

EPILOG = """\
exit codes:
  0  success
  1  conversion error (unreadable input, failed writer, output not writable)
  2  usage error (unknown format or option)

commands:
  convertkit [convert] INPUT ...  convert one file (the default command)
  convertkit batch IN... --to epub,docx --output-dir OUT [--jobs N] [--resume]
                                  convert files and folders; see convertkit batch --help
  convertkit plugins [--json]     list plugins, their formats and load errors

examples:
  convertkit page.txt --to epub
  convertkit page.txt -o page.docx          (the format from the extension)
  convertkit page.txt --to tei,docx -o out/
  cat page.txt | convertkit - --to txt --columns 40
"""
COMMANDS = ("convert", "batch", "plugins")


def _err(msg: str) -> None:
    print(f"convertkit: {msg}", file=sys.stderr)


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Help with the epilog's layout kept."""


def _meta_pair(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return key.strip(), value


def _size(text: str) -> int:
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    t = text.strip().lower().rstrip("b")
    try:
        if t and t[-1] in units:
            return int(float(t[:-1]) * units[t[-1]])
        return int(t)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 256M)") from None


def add_conversion_options(p: argparse.ArgumentParser, plugins: Any) -> None:
    """The options every conversion takes, single or batch: how to read, metadata,
    transforms, and each reader's, writer's and transform's own options (from the registry)."""
    from .api import all_options

    p.add_argument("-f", "--from", dest="from_", metavar="FORMAT", help="input format (default: detected)")
    p.add_argument("-M", "--metadata", action="append", default=[], type=_meta_pair, metavar="KEY=VALUE",
                   help="set or override a metadata field (title, lang, author, date, publisher, ...)")
    p.add_argument("--encoding", help="input encoding (default: detected)")
    p.add_argument("--transform", action="append", default=[], metavar="NAME",
                   help="apply a document transform; repeatable, applied in order")
    p.add_argument("--max-input-size", type=_size, default=None, metavar="SIZE",
                   help="refuse inputs larger than this (default 64M)")
    p.add_argument("-q", "--quiet", action="store_true", help="print no warnings")
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    group = p.add_argument_group("format options")
    taken = {a for action in p._actions for a in action.option_strings}
    for opt, owners in all_options(plugins):
        flag = f"--{opt.name}"
        if flag in taken:
            continue
        taken.add(flag)
        help_text = f"{opt.help} [{owners}]"
        if opt.type is bool:
            group.add_argument(flag, dest=f"opt_{opt.key}", action="store_true", default=None, help=help_text)
        else:
            conv = int if opt.type is int else str
            group.add_argument(flag, dest=f"opt_{opt.key}", type=conv, default=None,
                               choices=opt.choices or None,
                               metavar="|".join(opt.choices) or opt.key.upper(), help=help_text)


def conversion_options(args: argparse.Namespace) -> dict[str, Any]:
    """The parsed conversion options as one mapping (:meth:`convertkit.pipeline.Job.of`)."""
    options: dict[str, Any] = {k[4:]: v for k, v in vars(args).items() if k.startswith("opt_") and v is not None}
    if args.max_input_size is not None and args.max_input_size <= 0:
        raise UsageError("--max-input-size must be more than 0")
    options.update(from_=args.from_, encoding=args.encoding, meta=tuple(args.metadata),
                   transforms=tuple(args.transform), max_input_size=args.max_input_size)
    return {k: v for k, v in options.items() if v not in (None, ())}


def build_parser(plugins: Any) -> argparse.ArgumentParser:
    """The command line: one parser, a subcommand each for ``convert`` (the default, also
    the parser ``convertkit --help`` shows), ``batch`` and ``plugins``."""
    from .batchcli import add_batch_arguments

    top = argparse.ArgumentParser(prog="convertkit", formatter_class=_HelpFormatter,
                                  description="Convert documents (newspaper pages first) between formats.")
    top.add_argument("--version", action="version", version=f"convertkit {__version__}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND")
    conv = sub.add_parser("convert", prog="convertkit", help="convert one file (the default command)",
                          description="Convert documents (newspaper pages first) between formats.",
                          epilog=EPILOG, formatter_class=_HelpFormatter)
    conv.add_argument("input", nargs="?", help="input file, or - for stdin")
    conv.add_argument("-t", "--to", action="append", default=[], metavar="FORMAT[,FORMAT...]",
                      help="output format(s); repeatable or comma-separated (default: from -o's extension)")
    conv.add_argument("-o", "--output", metavar="OUTPUT",
                      help="output file (- for stdout); a folder when several formats are given")
    conv.add_argument("--list-input-formats", action="store_true", help="list input formats and exit")
    conv.add_argument("--list-output-formats", action="store_true", help="list output formats and exit")
    conv.add_argument("--version", action="version", version=f"convertkit {__version__}")
    conv.add_argument("-v", "--verbose", action="store_true", help="say what was written")
    add_conversion_options(conv, plugins)
    batch = sub.add_parser("batch", prog="convertkit batch", help="convert many files and folders",
                           formatter_class=_HelpFormatter,
                           description="Convert many files: each INPUT is a file, a folder (recursed, --glob) "
                                       "or - for a list of paths on stdin. The output tree mirrors the input "
                                       "tree under --output-dir.")
    add_batch_arguments(batch, plugins)
    add_conversion_options(batch, plugins)
    plug = sub.add_parser("plugins", prog="convertkit plugins", help="list plugins, their formats and load errors",
                          description="List installed convertkit plugins.", formatter_class=_HelpFormatter)
    plug.add_argument("--json", action="store_true", help="print JSON")
    return top


def parse(argv: Sequence[str], plugins: Any) -> tuple[argparse.ArgumentParser, argparse.Namespace]:
    """The parser of the command ``argv`` names (``convert`` when it names none) and its
    parsed arguments."""
    argv = list(argv)
    if not argv or argv[0] not in COMMANDS:
        argv = ["convert", *argv]
    top = build_parser(plugins)
    args = top.parse_args(argv)
    sub = next(a for a in top._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices[args.command], args


def _plugins_command(args: argparse.Namespace, plugins: Any) -> int:
    rows = plugins.describe()
    if args.json:
        import json

        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        formats = []
        for kind in ("readers", "writers", "transforms"):
            if r[kind]:
                formats.append(f"{kind}: {', '.join(r[kind])}")
        line = f"{r['name']:<12} {r['distribution'] or '-'} {r['version']}".rstrip()
        print(line + ("  (" + "; ".join(formats) + ")" if formats else ""))
        for e in r["errors"]:
            print(f"{'':<12} error: {e}")
    return 0


def _read_stdin(limit: int) -> bytes:
    """Standard input up to ``limit`` + 1 bytes, read in chunks (a huge limit allocates
    nothing ahead)."""
    chunks, size = [], 0
    while size <= limit:
        chunk = sys.stdin.buffer.read(min(1 << 20, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _write_stdout(data: str | bytes) -> None:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    out = getattr(sys.stdout, "buffer", None)
    if out is None:
        raise ConvertkitError("standard output is closed")
    try:
        sys.stdout.flush()
        out.write(raw)
        out.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        # what could not be written is dropped, so that the exit's own flush stays quiet
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
        raise ConvertkitError(f"cannot write to standard output: {reason}") from None


def _run(argv: Sequence[str]) -> int:
    if list(argv) == ["--version"]:  # as argparse would answer, before any plugin loads
        print(f"convertkit {__version__}")
        return 0
    from .api import DEFAULT_MAX_INPUT, convert
    from .plugins import get_plugins

    plugins = get_plugins()
    parser, args = parse(argv, plugins)
    if args.command == "plugins":
        return _plugins_command(args, plugins)
    if args.command == "batch":
        from .batchcli import batch_command

        return batch_command(args, plugins)
    if not args.quiet:
        for e in plugins.errors:
            _err(f"warning: {e}")
    reg = plugins.registry
    if args.list_input_formats:
        print("\n".join(sorted(reg.readers)))
        return 0
    if args.list_output_formats:
        print("\n".join(sorted(reg.writers)))
        return 0
    if args.input is None:
        parser.error("an INPUT is required (use - for stdin)")
    formats = [f.strip() for chunk in args.to for f in chunk.split(",") if f.strip()]
    if not formats and args.output not in (None, "-"):
        formats = [reg.format_for_path(args.output)]  # pandoc's habit: -o page.epub
    if not formats:
        parser.error("--to FORMAT is required (or -o FILE with a known extension)")
    writers = [reg.writer(f) for f in formats]
    formats = [w.name for w in writers]  # aliases resolved: md -> markdown
    options = conversion_options(args)
    max_size = options.pop("max_input_size", None) or DEFAULT_MAX_INPUT
    out = args.output
    if args.input == "-":
        src: Any = _read_stdin(max_size)
        if len(src) > max_size:
            raise ConvertkitError(f"stdin: over the limit of {max_size} bytes (--max-input-size)")
        if out is None:
            out = "-"
    else:
        src = args.input
    if out == "-":
        if len(formats) > 1:
            raise UsageError("-o - (stdout) takes a single --to format")
        if writers[0].binary and sys.stdout.isatty():
            raise UsageError(f"{formats[0]} is a binary format: refusing to write it to a terminal (use -o FILE)")
    result = convert(src, formats, out, max_input_size=max_size, plugins=plugins, **options)
    if not args.quiet:
        for w in result.warnings:
            _err(f"warning: {result.source}: {w}")
    for o in result.outputs:
        if o.path is None:
            _write_stdout(o.data if o.data is not None else b"")
        elif args.verbose:
            _err(f"wrote {o.path} ({o.format}, {o.bytes} bytes, {o.ms:.0f} ms)")
    return 0


def run() -> None:
    """The ``convertkit`` command (and ``python -m convertkit``): :func:`main` in a process
    that exits with its code."""
    sys.exit(main())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        return _run(argv)
    except ConvertkitError as exc:
        if debug:
            import traceback

            traceback.print_exc()
        _err(f"error: {exc}")
        return exc.exit_code
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:  # noqa: BLE001 - never a traceback without --debug
        if debug:
            import traceback

            traceback.print_exc()
        _err(f"error: internal error: {type(exc).__name__}: {' '.join(str(exc).split())} "
             "(rerun with --debug for a traceback)")
        return 1
