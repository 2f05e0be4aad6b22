import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from convertkit.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "page.txt"


def run(*args, input=None, env=None):
    e = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "convertkit", *args], capture_output=True, input=input, env=e,
                          cwd=ROOT)


def test_convert_to_txt_next_to_input(tmp_path):
    src = tmp_path / "page.news"
    src.write_bytes(SAMPLE.read_bytes())
    r = run(str(src), "--to", "txt")
    assert r.returncode == 0, r.stderr
    out = (tmp_path / "page.txt").read_text(encoding="utf-8")
    assert out.startswith("广东加快打造全球人工智能与机器人发展高地\n")


def test_writing_over_the_input_is_refused(tmp_path):
    src = tmp_path / "page.txt"
    src.write_bytes(SAMPLE.read_bytes())
    r = run(str(src), "--to", "txt")
    assert r.returncode == 2
    assert b"refusing to write over the input" in r.stderr
    assert src.read_bytes() == SAMPLE.read_bytes()


def test_stdout_is_utf8_whatever_the_locale():
    r = run(str(SAMPLE), "--to", "txt", "-o", "-", env={"PYTHONIOENCODING": "latin-1", "LC_ALL": "C"})
    assert r.returncode == 0, r.stderr
    assert "广东加快打造" in r.stdout.decode("utf-8")


def test_stdin_input_goes_to_stdout():
    r = run("-", "--to", "txt", input="第一段\n文字\n\nsecond para".encode("utf-8"))
    assert r.returncode == 0
    assert r.stdout.decode("utf-8") == "第一段文字\n\nsecond para\n"


def test_exit_codes_and_one_line_errors(tmp_path):
    r = run(str(tmp_path / "missing.txt"), "--to", "txt")
    assert r.returncode == 1 and r.stderr.decode().count("\n") == 1 and b"no such file" in r.stderr
    r = run(str(SAMPLE), "--to", "nope")
    assert r.returncode == 2 and b"unknown output format 'nope'" in r.stderr
    r = run(str(SAMPLE))
    assert r.returncode == 2
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    r = run(str(binary), "--to", "txt", "-o", str(tmp_path / "x.txt"))
    assert r.returncode == 1 and b"binary" in r.stderr and b"Traceback" not in r.stderr
    assert not (tmp_path / "x.txt").exists()


def test_bad_encoding_names_the_option(tmp_path):
    src = tmp_path / "latin.txt"
    src.write_bytes(bytes(range(0x80, 0x100)) * 3)
    r = run(str(src), "--to", "txt", "-o", str(tmp_path / "o.txt"))
    assert r.returncode == 1 and b"--encoding" in r.stderr
    r = run(str(src), "--to", "txt", "-o", str(tmp_path / "o.txt"), "--encoding", "latin-1")
    assert r.returncode == 0


def test_failed_conversion_keeps_existing_file_and_leaves_no_partial(tmp_path, monkeypatch):
    out = tmp_path / "out.txt"
    out.write_text("good old content", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    assert main([str(bad), "--to", "txt", "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "good old content"
    assert [p.name for p in tmp_path.iterdir()] == sorted(["out.txt", "bad.txt"]) or \
        sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "out.txt"]


def test_atomic_write_failure_mid_write_keeps_old_file(tmp_path, monkeypatch):
    from convertkit import atomic

    out = tmp_path / "out.txt"
    out.write_text("old", encoding="utf-8")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", broken_fsync)
    with pytest.raises(Exception, match="No space left"):
        atomic.atomic_write(out, b"new content")
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_several_formats_into_a_folder(tmp_path):
    r = run(str(SAMPLE), "--to", "txt,json", "-o", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.json", "page.txt"]


def test_metadata_override_and_list_formats(tmp_path):
    out = tmp_path / "p.json"
    r = run(str(SAMPLE), "--to", "json", "-o", str(out), "-M", "title=我的标题", "-M", "series=X")
    assert r.returncode == 0, r.stderr
    meta = json.loads(out.read_text(encoding="utf-8"))["meta"]
    assert meta["title"] == "我的标题" and ["series", "X"] in meta["extra"]
    r = run("--list-output-formats")
    assert set(r.stdout.decode().split()) >= {"txt", "json", "tei"}
    r = run("--list-input-formats")
    assert set(r.stdout.decode().split()) >= {"text", "json", "newspage"}


def test_plugins_command_lists_builtins_with_distribution():
    r = run("plugins", "--json")
    rows = {row["name"]: row for row in json.loads(r.stdout)}
    for name in ("json", "newspage", "tei", "text"):
        assert rows[name]["distribution"] == "convertkit" and rows[name]["errors"] == []
    assert rows["tei"]["writers"] == ["tei"]


def test_version_is_answered_before_plugins_load():
    """--version alone prints what argparse's version action prints, without loading a
    plugin (the start-up alone); among other arguments argparse answers as usual."""
    code = ("import sys, convertkit.cli as c; sys.argv = ['convertkit'] + sys.argv[1:]; rc = c.main(); "
            "print('loaded' if 'convertkit.plugins' in sys.modules else 'not loaded'); sys.exit(rc)")
    alone = subprocess.run([sys.executable, "-c", code, "--version"], capture_output=True, text=True)
    mixed = subprocess.run([sys.executable, "-c", code, "-q", "--version"], capture_output=True, text=True)
    assert alone.returncode == mixed.returncode == 0
    from convertkit import __version__

    assert alone.stdout == f"convertkit {__version__}\nnot loaded\n"
    assert mixed.stdout == f"convertkit {__version__}\n"  # argparse's action exits before the print


def test_help_documents_exit_codes():
    r = run("--help")
    assert b"exit codes" in r.stdout and b"usage error" in r.stdout


def test_debug_shows_traceback_only_when_asked(tmp_path):
    bad = tmp_path / "b.json"
    bad.write_text('{"convertkit-api-version": [9, 0]}', encoding="utf-8")
    r = run(str(bad), "--to", "txt", "-o", "-")
    assert r.returncode == 1 and b"Traceback" not in r.stderr and b"major version" in r.stderr
    r = run(str(bad), "--to", "txt", "-o", "-", "--debug")
    assert b"Traceback" in r.stderr


def test_binary_format_is_refused_on_a_terminal(tmp_path):
    """`-o -` with EPUB to a terminal: a usage error and nothing written, not bytes on the screen."""
    import os
    import pty
    import subprocess
    import sys

    from conftest import SAMPLE

    master, slave = pty.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "convertkit", str(SAMPLE), "--to", "epub", "-o", "-"],
                              stdout=slave, stderr=subprocess.PIPE, text=True, timeout=60)
        os.set_blocking(master, False)
        try:
            shown = os.read(master, 65536)
        except BlockingIOError:
            shown = b""
    finally:
        os.close(master)
        os.close(slave)
    assert proc.returncode == 2
    assert "binary format" in proc.stderr and "Traceback" not in proc.stderr
    assert b"PK" not in shown
    piped = subprocess.run([sys.executable, "-m", "convertkit", str(SAMPLE), "--to", "epub", "-o", "-"],
                           capture_output=True, timeout=60)
    assert piped.returncode == 0 and piped.stdout[:2] == b"PK"


def test_console_script_resumes_the_garbage_collector_once_plugins_are_loaded(tmp_path, monkeypatch):
    # run() pauses the cyclic GC for start-up only: the conversion itself runs with it on
    import gc

    from convertkit import cli

    seen = {}
    real_convert = __import__("convertkit.api", fromlist=["convert"]).convert

    def spy(*args, **kwargs):
        seen["gc_enabled"] = gc.isenabled()
        return real_convert(*args, **kwargs)

    monkeypatch.setattr("convertkit.api.convert", spy)
    src = tmp_path / "in.dat"
    src.write_text("one paragraph\n", encoding="utf-8")
    monkeypatch.setattr("sys.argv", ["convertkit", str(src), "--to", "txt", "-q"])
    try:
        with pytest.raises(SystemExit) as exit_info:
            cli.run()
    finally:
        gc.unfreeze()
        gc.enable()
    assert exit_info.value.code == 0
    assert seen == {"gc_enabled": True}
    assert "one paragraph" in (tmp_path / "in.txt").read_text(encoding="utf-8")


def test_json_and_pandoc_json_never_share_a_path(tmp_path):
    # issue #22, item 1: pandoc-json has its own extension; a run never writes one path twice
    r = run(str(SAMPLE), "--to", "json,pandoc-json", "-o", str(tmp_path / "out") + "/")
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["page.json", "page.pandoc.json"]
    r = run("batch", str(SAMPLE), "--to", "json,pandoc-json", "--output-dir", str(tmp_path / "b"), "-q")
    assert r.returncode == 0 and sorted(p.name for p in (tmp_path / "b").iterdir()
                                        if not p.name.startswith(".")) == ["page.json", "page.pandoc.json"]


def test_a_trailing_slash_names_a_folder_made_if_missing(tmp_path):
    # issue #22, item 2
    r = run(str(SAMPLE), "--to", "tei", "-o", str(tmp_path / "one") + "/")
    assert r.returncode == 0 and (tmp_path / "one" / "page.tei.xml").exists()
    r = run(str(SAMPLE), "--to", "tei,json", "-o", str(tmp_path / "no-slash"))
    assert r.returncode == 2 and b"end it with /" in r.stderr
