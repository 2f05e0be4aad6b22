"""Batch conversion: results per input and format, mirrored output tree, report, resume,
timeouts, crashed workers, bounded memory, and the Dask executor giving the same bytes."""
import io
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import convertkit
from convertkit import batch
from convertkit.registry import ReaderSpec
from conftest import IN_CI, SAMPLE

CLI = [sys.executable, "-m", "convertkit", "batch"]


@pytest.fixture
def tree(tmp_path):
    """in/a/p1.txt, in/a/p2.txt, in/b/c/p3.txt, in/b/bad.txt (binary), in/b/skip.md"""
    root = tmp_path / "in"
    for rel in ("a/p1.txt", "a/p2.txt", "b/c/p3.txt"):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(SAMPLE.read_bytes())
    (root / "b" / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (root / "b" / "skip.md").write_text("# not matched by the glob\n")
    return root


def run(inputs, to, out, **kw):
    return list(batch.convert_many([str(i) for i in inputs], to, out, **kw))


def test_results_per_input_and_format_and_mirrored_tree(tree, tmp_path):
    out = tmp_path / "out"
    results = run([tree], ["epub", "txt"], out, jobs=2)
    assert len(results) == 4 * 2
    ok = sorted(Path(r.output).relative_to(out).as_posix() for r in results if r.status == "ok")
    assert ok == ["a/p1.epub", "a/p1.txt", "a/p2.epub", "a/p2.txt", "b/c/p3.epub", "b/c/p3.txt"]
    bad = [r for r in results if r.status == "failed"]
    assert {r.format for r in bad} == {"epub", "txt"} and all("binary" in r.error for r in bad)
    assert all(r.bytes > 0 and r.ms > 0 for r in results if r.status == "ok")
    assert not (out / "b" / "bad.epub").exists()
    single = convertkit.convert(SAMPLE, "txt", "-").output.data
    assert (out / "a" / "p1.txt").read_text(encoding="utf-8") == single


def test_one_and_two_jobs_give_the_same_bytes(tree, tmp_path):
    run([tree], ["docx", "tei"], tmp_path / "one", jobs=1)
    run([tree], ["docx", "tei"], tmp_path / "two", jobs=2)
    for f in (tmp_path / "one").rglob("*.*"):
        if f.name.startswith(".convertkit"):
            continue
        assert f.read_bytes() == (tmp_path / "two" / f.relative_to(tmp_path / "one")).read_bytes()


def test_outputs_never_escape_the_output_folder(tmp_path):
    inner = tmp_path / "deep" / "x"
    inner.mkdir(parents=True)
    page = inner / "page.txt"
    page.write_bytes(SAMPLE.read_bytes())
    out = tmp_path / "out"
    stdin = io.StringIO(f"{page}\n../deep/x/page.txt\n")
    cwd = os.getcwd()
    os.chdir(inner)
    try:
        results = run(["-"], "txt", out, jobs=1, stdin=stdin)
    finally:
        os.chdir(cwd)
    written = [Path(r.output).resolve() for r in results if r.status == "ok"]
    assert written and all(out.resolve() in p.parents for p in written)
    # both name page.txt: the second is refused rather than overwriting the first
    assert sorted(r.status for r in results) == ["failed", "ok"]
    assert any("already writes" in r.error for r in results)


def test_resume_skips_what_is_up_to_date(tree, tmp_path):
    out = tmp_path / "out"
    run([tree / "a"], ["txt", "tei"], out, jobs=1)
    again = run([tree / "a"], ["txt", "tei"], out, jobs=1, resume=True)
    assert {r.status for r in again} == {"skipped"}
    (tree / "a" / "p2.txt").write_bytes(SAMPLE.read_bytes() + "\n新的一段。\n".encode())
    third = run([tree / "a"], ["txt", "tei"], out, jobs=1, resume=True)
    assert sorted((Path(r.input).name, r.status) for r in third) == [
        ("p1.txt", "skipped"), ("p1.txt", "skipped"), ("p2.txt", "ok"), ("p2.txt", "ok")]
    (out / "p1.txt").unlink()  # a deleted output is made again
    fourth = run([tree / "a"], ["txt"], out, jobs=1, resume=True)
    assert sorted((Path(r.input).name, r.status) for r in fourth) == [("p1.txt", "ok"), ("p2.txt", "skipped")]


def test_inputs_are_streamed_and_in_flight_work_is_bounded(tmp_path):
    pulled = []
    data = SAMPLE.read_bytes()

    def inputs():
        for i in range(200):
            pulled.append(i)
            page = tmp_path / f"p{i:03d}.txt"
            page.write_bytes(data)
            yield str(page)

    stream = batch.convert_many(inputs(), "txt", tmp_path / "out", jobs=2, batch_size=4)
    first = next(stream)
    assert first.status == "ok"
    assert len(pulled) <= (2 * 2 + 1) * 4 + 1
    stream.close()


def _slow_plugin(delay: float):
    class Slow:
        @convertkit.hookimpl
        def convertkit_register_readers(self, registry):
            def read(text, ctx):
                time.sleep(delay)
                return convertkit.read(text.encode("utf-8"), "text")

            registry.add(ReaderSpec("slow", read))

    return Slow()


def _crash_plugin():
    class Crash:
        @convertkit.hookimpl
        def convertkit_register_readers(self, registry):
            def read(text, ctx):
                os._exit(3)  # the worker process dies

            registry.add(ReaderSpec("crash", read))

    return Crash()


@pytest.fixture
def extra_plugin(monkeypatch):
    """Add a plugin object to the process-wide plugins (forked workers inherit it)."""
    from convertkit import plugins as plugins_mod

    def add(obj):
        pl = plugins_mod.Plugins(extra=[("test_extra", obj)])
        monkeypatch.setattr(plugins_mod, "_default", pl)
        return pl

    return add


def test_a_hanging_file_times_out_and_the_rest_carry_on(tree, tmp_path, extra_plugin):
    extra_plugin(_slow_plugin(30))
    t0 = time.perf_counter()
    results = run([tree / "a"], "txt", tmp_path / "out", jobs=1, timeout=0.5, from_="slow")
    assert time.perf_counter() - t0 < 10
    assert [r.status for r in results] == ["failed", "failed"]
    assert all("timed out after 0.5 s in reader 'slow' (plugin test_extra)" in r.error for r in results)


def test_a_crashed_worker_is_retried_once_then_reported(tree, tmp_path, extra_plugin):
    extra_plugin(_crash_plugin())
    results = run([tree / "a"], "txt", tmp_path / "out", jobs=2, from_="crash")
    assert [r.status for r in results] == ["failed", "failed"]
    assert all("worker crashed" in r.error for r in results)


def test_cli_report_summary_exit_code_and_fail_fast(tree, tmp_path):
    out, report = tmp_path / "out", tmp_path / "report.jsonl"
    proc = subprocess.run(CLI + [str(tree), "--to", "txt,tei", "--output-dir", str(out), "--report", str(report),
                                 "--jobs", "2"], capture_output=True, text=True)
    assert proc.returncode == 1
    lines = [json.loads(x) for x in report.read_text().splitlines()]
    assert len(lines) == 8 and {x["status"] for x in lines} == {"ok", "failed"}
    assert "4 files, 6 outputs written, 0 up to date, 2 failed (1 files: " in proc.stderr and "bad.txt)" in proc.stderr
    # named once as it fails and once in the summary
    assert proc.stderr.count("bad.txt") == 2 and "Traceback" not in proc.stderr
    good = subprocess.run(CLI + [str(tree / "a"), "--to", "txt", "--output-dir", str(out), "-q"],
                          capture_output=True, text=True)
    assert good.returncode == 0 and good.stderr == ""
    ff = subprocess.run(CLI + [str(tree / "b"), str(tree / "a"), "--to", "txt", "--output-dir",
                               str(tmp_path / "ff"), "--fail-fast", "--jobs", "1"], capture_output=True, text=True)
    assert ff.returncode == 1 and "1 files," in ff.stderr.splitlines()[-1] or "2 files," in ff.stderr


def test_cli_usage_errors():
    proc = subprocess.run(CLI + ["x", "--to", "nope", "--output-dir", "o"], capture_output=True, text=True)
    assert proc.returncode == 2 and "nope" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_bytes(tree, tmp_path):
    import importlib.util

    if importlib.util.find_spec("distributed") is None:
        if IN_CI:
            pytest.fail("the dask extra is not installed: CI must run the Dask executor")
        pytest.skip("dask extra not installed")
    run([tree], ["epub", "docx", "tei", "txt"], tmp_path / "local", jobs=2)
    results = run([tree], ["epub", "docx", "tei", "txt"], tmp_path / "dask", jobs=2, executor="dask")
    assert sum(r.status == "ok" for r in results) == 12
    local = sorted(p.relative_to(tmp_path / "local") for p in (tmp_path / "local").rglob("*.*")
                   if not p.name.startswith(".convertkit"))
    assert len(local) == 12
    for rel in local:
        assert (tmp_path / "local" / rel).read_bytes() == (tmp_path / "dask" / rel).read_bytes(), rel


def test_output_names_are_made_safe():
    assert batch._safe_base("a/b/page.txt") == "a/b/page"
    assert batch._safe_base("/etc/passwd.txt") == "passwd"
    assert batch._safe_base("../../x.txt") == "x"
    assert batch._safe_base("CON.txt") == "_CON"
    assert batch._safe_base("dir/nul.x.txt") == "dir/_nul.x"
    assert batch._safe_base("bad\x01name.txt") == "bad_name"


def test_a_timeout_outside_the_main_thread_does_not_break_the_batch(tree, tmp_path):
    """Dask runs tasks in worker threads, where no alarm can be set: the files still convert."""
    import threading

    out: list = []
    t = threading.Thread(target=lambda: out.extend(run([tree / "a"], "txt", tmp_path / "o", jobs=1, timeout=5)))
    t.start()
    t.join(60)
    assert [r.status for r in out] == ["ok", "ok"]


def test_an_unusable_output_folder_is_one_line(tree):
    proc = subprocess.run(CLI + [str(tree / "a"), "--to", "txt", "--output-dir", "/proc/nope/out"],
                          capture_output=True, text=True)
    assert proc.returncode == 1 and "cannot use as the output folder" in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    bad_report = subprocess.run(CLI + [str(tree / "a"), "--to", "txt", "--output-dir", str(tree.parent / "o"),
                                       "--report", "/proc/nope/r.jsonl"], capture_output=True, text=True)
    assert bad_report.returncode == 1 and "cannot write the report" in bad_report.stderr
    assert "Traceback" not in bad_report.stderr
