"""One pipeline and one command line (issue: one conversion pipeline and one CLI; pandoc's
habits; a plugin API with no silent failures). Each test failed before its fix."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

import convertkit
from convertkit.api import convert
from convertkit.errors import PluginError, UsageError
from convertkit.plugins import Plugins
from conftest import ROOT, SAMPLE
from test_plugins import fake_distribution

CLI = [sys.executable, "-m", "convertkit"]


def run(*args, cwd=None):
    return subprocess.run(CLI + [str(a) for a in args], capture_output=True, text=True, cwd=cwd)


# -- one pipeline: batch takes every conversion option and gives the same bytes -------------
@pytest.mark.parametrize("opts", [("--columns", "20"), ("--epub-vertical",), ("--docx-toc",),
                                  ("--encoding", "utf-8"), ("--docx-page", "letter")])
def test_batch_takes_the_options_a_single_conversion_takes_and_gives_the_same_bytes(tmp_path, opts):
    fmt = {"--columns": "txt", "--epub-vertical": "epub", "--docx-toc": "docx", "--encoding": "txt",
           "--docx-page": "docx"}[opts[0]]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.txt").write_bytes(SAMPLE.read_bytes())
    single = run(tmp_path / "in" / "page.txt", "--to", fmt, "-o", tmp_path / f"single.{fmt}", *opts)
    assert single.returncode == 0, single.stderr
    batch = run("batch", tmp_path / "in", "--to", fmt, "--output-dir", tmp_path / "out", "-q", *opts)
    assert batch.returncode == 0, batch.stderr
    made = next((tmp_path / "out").glob("page.*"))
    assert made.read_bytes() == (tmp_path / f"single.{fmt}").read_bytes()


def test_batch_reports_warnings_and_names_failed_files(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "in" / "page.txt").write_bytes(SAMPLE.read_bytes())
    proc = run("batch", tmp_path / "in", "--to", "txt", "--output-dir", tmp_path / "out",
               "--report", tmp_path / "out" / "report.jsonl")
    assert proc.returncode == 1
    assert re.search(r"warning: .*empty\.txt: .*empty", proc.stderr)  # as the single-file command warns
    assert re.search(r"2 outputs written, 0 up to date, 1 failed \(1 files: .*bad\.txt\)", proc.stderr)
    assert re.search(r"^  txt +2 +0 +1$", proc.stderr, re.M)  # the summary table
    rows = [json.loads(x) for x in (tmp_path / "out" / "report.jsonl").read_text().splitlines()]
    assert any(r["warnings"] for r in rows if r["input"].endswith("empty.txt"))


def test_one_parser_shows_the_same_conversion_options_in_both_commands():
    def flags(text):
        return set(re.findall(r"--[a-z][a-z0-9-]+", text))

    convert_help, batch_help = run("--help").stdout, run("batch", "--help").stdout
    options = {f"--{opt.name}" for opt, _ in convertkit.api.all_options()}
    shared = {"--from", "--metadata", "--encoding", "--transform", "--max-input-size", "--quiet", "--debug"}
    assert options | shared <= flags(convert_help) and options | shared <= flags(batch_help)
    docs = (ROOT / "docs" / "plugins.md").read_text(encoding="utf-8")
    assert options <= flags(docs), options - flags(docs)


# -- pandoc's habits -----------------------------------------------------------------------
def test_the_output_format_follows_the_extension_of_o(tmp_path):
    for name, magic in (("page.epub", b"PK"), ("page.docx", b"PK"), ("page.md", b"---"), ("page.htm", b"<!DOCTYPE"),
                        ("page.pandoc.json", b'{"pandoc-api-version"'), ("page.tei.xml", b"<?xml")):
        proc = run(SAMPLE, "-o", tmp_path / name)
        assert proc.returncode == 0, (name, proc.stderr)
        assert (tmp_path / name).read_bytes().startswith(magic), name
    proc = run(SAMPLE, "-o", tmp_path / "page.unknown")
    assert proc.returncode == 2 and "cannot tell the output format" in proc.stderr and "--to" in proc.stderr


def test_aliases_and_did_you_mean():
    doc = convertkit.read(SAMPLE)
    assert convertkit.render(doc, "md") == convertkit.render(doc, "markdown")
    assert convertkit.render(doc, "plain") == convertkit.render(doc, "txt")
    assert convertkit.render(doc, "xml") == convertkit.render(doc, "tei")
    with pytest.raises(UsageError, match="did you mean 'epub'"):
        convertkit.render(doc, "epb")
    proc = run(SAMPLE, "--to", "mardown", "-o", "-")
    assert proc.returncode == 2 and "did you mean 'markdown'" in proc.stderr


def test_an_option_error_names_the_option_and_the_formats_that_take_it(tmp_path):
    proc = run(SAMPLE, "--to", "epub", "--columns", "20", "-o", tmp_path / "x.epub")
    assert proc.returncode == 2 and "--columns is an option of txt, not of epub" in proc.stderr


def test_a_reader_option_for_a_reader_detection_did_not_choose_is_named(tmp_path):
    # a short text reads as plain text: --explain (newspage's) does nothing there, and the
    # user is told so, with the flag that reads it as a page
    item = tmp_path / "item.txt"
    item.write_text("一条消息的标题\n\n日前，某省召开会议，研究部署全年工作。\n", encoding="utf-8")
    proc = run(item, "--to", "txt", "-o", tmp_path / "out.txt", "--explain", tmp_path / "e.json")
    assert proc.returncode == 0 and not (tmp_path / "e.json").exists()
    assert "--explain is an option of newspage, newspage-pdf, but the input was read as text" in proc.stderr
    assert "-f newspage" in proc.stderr
    proc = run(SAMPLE, "--to", "txt", "-o", tmp_path / "page.txt", "--explain", tmp_path / "e2.json")
    assert proc.returncode == 0 and "--explain" not in proc.stderr and (tmp_path / "e2.json").exists()
    proc = run(SAMPLE, "--to", "docx", "--docx-page", "a5", "-o", tmp_path / "x.docx")
    assert proc.returncode == 2 and "--docx-page" in proc.stderr and "a4" in proc.stderr


# -- plugins: no silent failures -----------------------------------------------------------
RIVAL_EPUB = '''
import convertkit
from convertkit.registry import WriterSpec

@convertkit.hookimpl
def convertkit_register_writers(registry):
    registry.add(WriterSpec(name="epub", write=lambda doc, ctx: "not an epub", extension="rival"))
'''


def test_a_format_registered_twice_is_a_load_error_and_the_builtin_keeps_it(tmp_path, monkeypatch):
    fake_distribution(tmp_path, "convertkit-aaa", "ck_aaa", RIVAL_EPUB, "aaa")  # sorts before the built-in
    monkeypatch.syspath_prepend(str(tmp_path))
    pl = Plugins()
    assert pl.registry.writer("epub").plugin == "epub"
    [err] = [str(e) for e in pl.errors if e.name == "aaa"]
    assert "writer 'epub' is also registered by plugin 'epub'" in err and "CONVERTKIT_PREFER_PLUGINS=aaa" in err
    monkeypatch.setenv("CONVERTKIT_PREFER_PLUGINS", "aaa")
    pl = Plugins()
    assert pl.registry.writer("epub").plugin == "aaa"
    assert any("also registered by plugin 'aaa'" in str(e) for e in pl.errors if e.name == "epub")


def test_a_plugin_that_registers_nothing_is_reported(tmp_path, monkeypatch):
    src = '''
from convertkit.registry import WriterSpec

def convertkit_register_writers(registry):   # no @convertkit.hookimpl: pluggy never calls it
    registry.add(WriterSpec(name="quiet", write=lambda doc, ctx: "", extension="q"))
'''
    fake_distribution(tmp_path, "convertkit-quiet", "ck_quiet", src, "quiet")
    monkeypatch.syspath_prepend(str(tmp_path))
    [err] = [str(e) for e in Plugins().errors if e.name == "quiet"]
    assert "registers no reader, writer" in err and "@convertkit.hookimpl" in err


def test_hook_wrappers_are_refused_at_load(tmp_path, monkeypatch):
    src = '''
import convertkit
from convertkit.registry import WriterSpec

@convertkit.hookimpl(wrapper=True)
def convertkit_register_writers(registry):
    registry.add(WriterSpec(name="wrapped", write=lambda doc, ctx: "", extension="w"))
    return (yield)
'''
    fake_distribution(tmp_path, "convertkit-wrap", "ck_wrap", src, "wrap")
    monkeypatch.syspath_prepend(str(tmp_path))
    pl = Plugins()
    [err] = [str(e) for e in pl.errors if e.name == "wrap"]
    assert "hook wrappers are not supported" in err
    with pytest.raises(UsageError):
        pl.registry.writer("wrapped")


def test_an_undeclared_option_is_a_plugin_error_not_a_silent_default(tmp_path, monkeypatch):
    src = '''
import convertkit
from convertkit.registry import Option, WriterSpec

@convertkit.hookimpl
def convertkit_register_writers(registry):
    registry.add(WriterSpec(name="typo", write=lambda doc, ctx: str(ctx.option("colums")), extension="t",
                            options=(Option("columns", "wrap", int),)))
'''
    fake_distribution(tmp_path, "convertkit-optypo", "ck_optypo", src, "optypo")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(PluginError, match=r"writer 'typo' \(plugin optypo\).*'colums' is not declared.*columns"):
        convert(b"text", "typo", "-", plugins=Plugins())


def test_reader_extensions_decide_what_content_detection_leaves_open(tmp_path, monkeypatch):
    src = '''
import convertkit
from convertkit.model import Document, Para, text
from convertkit.registry import ReaderSpec

@convertkit.hookimpl
def convertkit_register_readers(registry):
    registry.add(ReaderSpec(name="html-in", extensions=("html",),
                            read=lambda s, ctx: Document(blocks=(Para(text("HTML READER")),))))
'''
    fake_distribution(tmp_path, "convertkit-htmlin", "ck_htmlin", src, "htmlin")
    monkeypatch.syspath_prepend(str(tmp_path))
    page = tmp_path / "page.html"
    page.write_text("<p>hello</p>", encoding="utf-8")
    pl = Plugins()
    assert convert(page, "txt", "-", plugins=pl).output.data.strip() == "HTML READER"
    # and batch's default patterns follow the readers' extensions
    from convertkit.batchcli import default_patterns
    assert "*.html" in default_patterns(pl) and "*.txt" in default_patterns(pl)


def test_the_generated_reference_docs_are_up_to_date():
    proc = subprocess.run([sys.executable, str(ROOT / "docs" / "reference.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    model_md = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
    for name in ("Document", "Meta", "Article", "Para", "Section", "Context", "Option", "ReaderSpec"):
        assert f"### `{name}`" in model_md
