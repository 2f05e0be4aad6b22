"""Hostile and broken input, faults and security (docs/reliability.md lists each case and
its test). Every bad input gives valid output in every format or a one-line error naming
the file, exit 1 (2 for usage) — never a traceback, never a partial file."""
import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import convertkit
from convertkit.xmltext import safe_parser
from conftest import SAMPLE

CLI = [sys.executable, "-m", "convertkit"]
FORMATS = "tei,epub,docx,txt"
PAGE = SAMPLE.read_text(encoding="utf-8")


def own_schema():
    import convertkit_tei

    return etree.RelaxNG(etree.parse(str(Path(convertkit_tei.__file__).with_name("convertkit-tei.rng"))))


def check_outputs(folder: Path, stem: str) -> None:
    """Every format written, and each one valid for its kind."""
    huge = etree.XMLParser(huge_tree=True)  # a 20 MB paragraph is one 20 MB text node
    tei = etree.parse(str(folder / f"{stem}.tei.xml"), huge)
    assert own_schema().validate(tei)
    with zipfile.ZipFile(folder / f"{stem}.epub") as z:
        assert z.namelist()[0] == "mimetype"
        for n in z.namelist():
            if n.endswith(".xhtml"):
                etree.fromstring(z.read(n), huge)
    docx.Document(str(folder / f"{stem}.docx"))
    (folder / f"{stem}.txt").read_bytes().decode("utf-8")


def convert_cli(tmp_path, name: str, data: bytes):
    src = tmp_path / name
    src.write_bytes(data)
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    proc = subprocess.run(CLI + [str(src), "--to", FORMATS, "-o", str(out)], capture_output=True, text=True,
                          timeout=300)
    return proc, out, src


BAD_INPUTS = {
    "empty": b"",
    "whitespace": b" \n\t\r\n   \n",
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00",
    "zip": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)),
    "elf": b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + bytes(range(200)),
    "nul": "本报讯 文字\x00中间有空字符。\n".encode("utf-8") * 20,
    "invalid-utf8": PAGE.encode("utf-8")[:500] + b"\xff\xfe\xc3\x28\xa0\xa1" + PAGE.encode("utf-8")[500:1000],
    "gb18030": PAGE.encode("gb18030"),
    "utf16-le-bom": b"\xff\xfe" + PAGE.encode("utf-16-le"),
    "utf16-be-bom": b"\xfe\xff" + PAGE.encode("utf-16-be"),
    "utf16-le": PAGE.encode("utf-16-le"),
    "utf16-be": PAGE.encode("utf-16-be"),
    "mixed-newlines": PAGE.replace("\n", "\r\n", 100).replace("\n", "\r", 50).encode("utf-8"),
    "xml-illegal": ("本报讯 控制字符\x01\x02\x0b\x0c\x1f和\ufffe\uffff在这里。\n" * 5).encode("utf-8", "surrogatepass")
    + "孤立代理\ud800。\n".encode("utf-8", "surrogatepass"),
    "bidi-emoji": ("本报讯 \u202e反向\u202c文字 😀👍🏽 emoji 与 \u200f标记。\n" * 5).encode("utf-8"),
    "xxe": (b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<r>&x;</r>\n'),
    "billion-laughs": (b'<?xml version="1.0"?>\n<!DOCTYPE l [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
                       b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n<l>&c;</l>\n'),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_valid_output_or_one_line_error(tmp_path, name):
    out = tmp_path / "out"
    out.mkdir()
    exts = ("tei.xml", "epub", "docx", "txt")
    for ext in exts:  # a good file from an earlier run: only a successful conversion replaces it
        (out / f"{name}.{ext}").write_bytes(b"good earlier output")
    proc, out, src = convert_cli(tmp_path, f"{name}.txt", BAD_INPUTS[name])
    assert "Traceback" not in proc.stderr
    if proc.returncode == 0:
        check_outputs(out, name)
    else:
        assert proc.returncode == 1
        errors = [ln for ln in proc.stderr.splitlines() if "error" in ln]
        assert len(errors) == 1 and str(src) in errors[0], proc.stderr
        assert all((out / f"{name}.{ext}").read_bytes() == b"good earlier output" for ext in exts)
        assert sorted(p.name for p in out.iterdir()) == sorted(f"{name}.{ext}" for ext in exts)
    # the API: the same outcome, as a ConvertkitError rather than an exit code
    api_out = tmp_path / "api"
    api_out.mkdir()
    try:
        convertkit.convert(src, FORMATS.split(","), api_out)
    except convertkit.ConvertkitError as exc:
        assert proc.returncode == 1 and str(src) in str(exc) and "\n" not in str(exc)
        assert list(api_out.iterdir()) == []
    else:
        assert proc.returncode == 0
        check_outputs(api_out, name)


def test_entities_in_input_are_text_never_resolved(tmp_path):
    proc, out, _ = convert_cli(tmp_path, "xxe.txt", BAD_INPUTS["xxe"])
    assert proc.returncode == 0
    assert "root:" not in (out / "xxe.txt").read_text(encoding="utf-8")
    assert "&x;" in (out / "xxe.txt").read_text(encoding="utf-8")


def test_safe_parser_refuses_xxe_and_billion_laughs():
    root = etree.fromstring(BAD_INPUTS["xxe"], safe_parser())
    assert "root:" not in "".join(root.itertext())
    laughs = etree.fromstring(BAD_INPUTS["billion-laughs"], safe_parser())
    assert len("".join(laughs.itertext())) < 100  # not expanded


def test_encodings_give_the_same_document(tmp_path):
    want = convertkit.convert(SAMPLE, "txt", "-").output.data
    for name in ("gb18030", "utf16-le-bom", "utf16-be-bom", "utf16-le", "utf16-be"):
        assert convertkit.convert(BAD_INPUTS[name], "txt", "-").output.data == want, name


def test_zero_byte_stdin():
    proc = subprocess.run(CLI + ["-", "--to", "txt"], input=b"", capture_output=True, timeout=60)
    assert proc.returncode in (0, 1) and b"Traceback" not in proc.stderr


def test_a_single_20_mb_line(tmp_path):
    line = ("中文长行测试，没有换行。" * (20 * 2**20 // 36)).encode("utf-8")
    proc, out, _ = convert_cli(tmp_path, "line.txt", line)
    assert proc.returncode == 0, proc.stderr
    check_outputs(out, "line")


def test_a_200_mb_file_is_refused_quickly(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:  # sparse: costs no disk
        fh.truncate(200 * 2**20)
    t = time.perf_counter()
    proc = subprocess.run(CLI + [str(big), "--to", "txt", "-o", str(tmp_path / "o.txt")], capture_output=True,
                          text=True, timeout=60)
    assert time.perf_counter() - t < 10
    assert proc.returncode == 1 and "--max-input-size" in proc.stderr and str(big) in proc.stderr
    assert not (tmp_path / "o.txt").exists()


@pytest.mark.parametrize("case", ["folder", "missing", "unwritable"])
def test_paths_that_are_not_files(tmp_path, case):
    if case == "folder":
        args, expect = [str(tmp_path)], "folder"
    elif case == "missing":
        args, expect = [str(tmp_path / "nope.txt")], "no such file"
    else:
        if os.geteuid() == 0:
            ro = Path("/proc/self")  # root ignores permission bits; /proc is not writable for anyone
        else:
            ro = tmp_path / "ro"
            ro.mkdir()
            ro.chmod(0o500)
        args, expect = [str(SAMPLE), "-o", str(ro / "x.txt")], "x.txt"
    proc = subprocess.run(CLI + args + ["--to", "txt"] + ([] if "-o" in args else ["-o", str(tmp_path / "o.txt")]),
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert expect in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_sigkill_during_a_write_leaves_the_old_file(tmp_path):
    target = tmp_path / "page.txt.out"
    target.write_bytes(b"good old output")
    code = ("import os, sys, time, convertkit.atomic as a\n"
            "os.fsync = lambda fd: (print('writing', flush=True), time.sleep(60))\n"
            f"a.atomic_write({str(target)!r}, b'new' * 1000000)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert target.read_bytes() == b"good old output"
    leftovers = list(tmp_path.glob(".page.txt.out.*.part"))
    assert len(leftovers) == 1  # the hidden temporary, never a partial page.txt.out
    os.utime(leftovers[0], (time.time() - 3600, time.time() - 3600))
    from convertkit.atomic import atomic_write

    atomic_write(target, b"new")
    assert target.read_bytes() == b"new" and not list(tmp_path.glob(".page.txt.out.*.part"))


def test_ctrl_c_stops_a_batch_cleanly_and_resume_goes_on(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(60):
        (src / f"p{i:02d}.txt").write_bytes(SAMPLE.read_bytes())
    out, report = tmp_path / "out", tmp_path / "r.jsonl"
    args = CLI + ["batch", str(src), "--to", "docx,epub", "--output-dir", str(out),
                       "--jobs", "2"]
    # a user's Ctrl-C at a terminal: the batch must not inherit an ignored SIGINT from a
    # test runner started in the background (a shell starts background jobs with it ignored)
    proc = subprocess.Popen(args + ["--report", str(report)], stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.time() + 60
    while time.time() < deadline and (not report.exists() or len(report.read_text().splitlines()) < 10):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "interrupted after" in err and "--resume" in err and "Traceback" not in err
    done_first = len(report.read_text().splitlines())
    assert 10 <= done_first < 120
    again = subprocess.run(args + ["--resume", "--report", str(tmp_path / "r2.jsonl")], capture_output=True,
                           text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    import json

    statuses = [json.loads(x)["status"] for x in (tmp_path / "r2.jsonl").read_text().splitlines()]
    assert len(statuses) == 120 and statuses.count("skipped") >= 10
    for f in out.glob("*.docx"):
        docx.Document(str(f))  # every output whole


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_any_text_raises_only_convertkit_errors(s):
    for fmt in ("newspage", "text", None):
        try:
            convertkit.read(s.encode("utf-8", "surrogatepass"), fmt)
        except convertkit.ConvertkitError:
            pass


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_raise_only_convertkit_errors(b):
    try:
        doc = convertkit.read(b)
    except convertkit.ConvertkitError:
        return
    for fmt in ("tei", "txt", "html", "markdown"):
        convertkit.write(doc, fmt)


def test_archive_member_names_never_come_from_input():
    evil = "../../etc/passwd\x00CON"
    doc = convertkit.read("本报讯 ../../etc/passwd CON\n".encode("utf-8"))
    doc = convertkit.api.apply_meta(doc, [("title", evil), ("label", evil), ("author", evil)])
    for fmt in ("epub", "docx"):
        with zipfile.ZipFile(io.BytesIO(convertkit.write(doc, fmt))) as z:
            assert not any(".." in n or n.startswith("/") or "passwd" in n for n in z.namelist())


def test_every_crash_the_fuzzer_found_stays_fixed():
    """fuzz/run.sh saves crashing inputs in fuzz/crashes/; each one is replayed here."""
    crashes = sorted(p for p in (Path(__file__).resolve().parent.parent / "fuzz" / "crashes").iterdir()
                     if not p.name.startswith("."))
    for path in crashes:
        try:
            doc = convertkit.read(path.read_bytes(), "newspage")
        except convertkit.ConvertkitError:
            continue
        convertkit.write(doc, "tei")
        convertkit.write(doc, "txt")


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00/"),
                               min_size=1, max_size=12),
                       st.binary(max_size=3000) | st.sampled_from([b"<a/>" * 600, b""]), max_size=6),
       st.datetimes(min_value=__import__("datetime").datetime(1980, 1, 1),
                    max_value=__import__("datetime").datetime(2107, 12, 31)),
       st.integers(0, 9))
def test_zip_writer_writes_the_bytes_zipfile_writes(contents, when, level):
    """convertkit's zip writer (it memoises the deflate of the members named unchanging)
    against the standard library's, member for member, with one member stored and the rest
    deflated; with no member memoised, and with all (the second time from the memo)."""
    from convertkit.reproducible import zip_members

    first = sorted(contents)[-1:]
    stored = sorted(contents)[:1]
    expected = io.BytesIO()
    with zipfile.ZipFile(expected, "w") as z:
        for name in first + sorted(n for n in contents if n not in first):
            info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
            info.create_system = 3
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            z.writestr(info, contents[name], compresslevel=level)
    for memo in ((), list(contents)):
        for _ in range(2):
            assert zip_members(contents, when, first=first, stored=stored, level=level,
                               memo=memo) == expected.getvalue()


def test_only_the_members_named_unchanging_are_memoised():
    """A document's own parts are deflated afresh each time: a batch of identical pages
    must cost what different pages would, not time the memo."""
    from convertkit import reproducible

    reproducible._DEFLATED.clear()
    page, style = "第一版 ".encode() * 400, b"p { margin: 0 } " * 200
    reproducible.zip_members({"page.xhtml": page, "style.css": style}, reproducible.FIXED_DATE,
                             memo=("style.css",))
    assert [content for content, _ in reproducible._DEFLATED] == [style]


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000), st.text(max_size=60), st.uuids())
def test_digests_without_hashlib_equal_hashlib_s(data, name, namespace):
    """convertkit.digest uses CPython's own SHA modules (hashlib loads OpenSSL, a cost on
    every cold start); its digests and name-based UUIDs must be hashlib's and uuid's."""
    import hashlib
    import uuid

    from convertkit import digest

    assert digest.sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    assert digest.sha1(data).hexdigest() == hashlib.sha1(data).hexdigest()
    name = name.encode("utf-8", "replace").decode("utf-8")  # no lone surrogates
    assert digest.uuid5(namespace, name) == uuid.uuid5(namespace, name)


def test_stale_temporaries_are_swept_once_per_folder_and_nothing_else(tmp_path):
    """A killed writer's hidden temporaries go once a minute old; fresh ones (a writer at
    work) and files that only look alike stay. The folder is listed once per process, so
    a batch writing thousands of files into one folder does not list it for each."""
    from convertkit import atomic

    old = time.time() - 3600
    stale = tmp_path / ".a.epub.0123456789ab.part"
    fresh = tmp_path / ".b.epub.0123456789ab.part"
    alike = [tmp_path / ".c.epub.part", tmp_path / ".d.epub.notahexnumber.part", tmp_path / "e.0123456789ab.part"]
    for p in [stale, fresh, *alike]:
        p.write_bytes(b"x")
    for p in [stale, *alike]:
        os.utime(p, (old, old))
    atomic.atomic_write(tmp_path / "out.txt", b"1")
    assert not stale.exists() and fresh.exists() and all(p.exists() for p in alike)
    stale.write_bytes(b"x")
    os.utime(stale, (old, old))
    atomic.atomic_write(tmp_path / "out2.txt", b"2")  # the folder was swept already
    assert stale.exists()
