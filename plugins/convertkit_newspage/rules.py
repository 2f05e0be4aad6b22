"""The newspage reader's stages and rules, and the log of what they decided.

Every decision the reader takes is made by a named rule of one stage. The rules are
registered here, each with a one-line statement of the principle it applies, so that
``--explain`` names the stage and the rule of every step, ``convertkit plugins`` style
listings can show them, and a test can require each rule to fire on some page.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any


class Stage(Enum):
    """The reader's stages, in the order they run."""

    BLOCKS = "blocks"  # pdftotext's blank-line blocks of lines
    FURNITURE = "furniture"  # dates, page numbers, labels, banners, credits taken out
    PIECES = "pieces"  # each block cut into heads, bylines and text
    ORDER = "order"  # the page's column breaks joined: reading order
    ARTICLES = "articles"  # openers and closers cut the pieces into articles
    HEADLINES = "headlines"  # kicker, headline and subtitle of each article
    PARAGRAPHS = "paragraphs"  # paragraph breaks inside the text
    SECTIONS = "sections"  # subheads and pull quotes
    PLACEMENT = "placement"  # fragments and pull quotes printed apart, put on their articles
    JUMPS = "jumps"  # an article continued on a later page (下转/上接) joined with its continuation


@dataclass(frozen=True)
class Rule:
    name: str
    stage: Stage
    doc: str


RULES: dict[str, Rule] = {}


def register(stage: Stage, docs: dict[str, str]) -> None:
    """Register the rules of ``stage``: name -> the principle it applies, in one line."""
    for name, doc in docs.items():
        if name in RULES:
            raise ValueError(f"newspage rule {name!r} is registered twice")
        RULES[name] = Rule(name, stage, doc)


class Explain:
    """The reader's decisions, each with the stage and rule that made it."""

    def __init__(self, record: bool = True) -> None:
        self.record = record  # off unless --explain asks: a long input makes many steps
        self.steps: list[dict[str, Any]] = []

    def __call__(self, rule: str, lines: tuple[int, int] | int, decision: str) -> None:
        if not self.record:
            return
        stage = RULES[rule].stage  # a rule that is not registered is a bug: KeyError
        first, last = (lines, lines) if isinstance(lines, int) else lines
        self.steps.append({"stage": stage.value, "rule": rule, "lines": [first, last], "decision": decision})
