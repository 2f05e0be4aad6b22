"""Stage 8, sections: an article's subheads and pull quotes, put back in reading order
(a subhead printed with its pull quote after the section it heads is moved before it)."""
from __future__ import annotations

from typing import Any

from .articles import Draft, ends_sentence_or_bracket
from .lines import Line, Record
from .paragraphs import ParaDraft, split_paragraphs
from .pieces import Kind, Piece, median
from .pulls import PULL_MAX, PULL_SIMILARITY, best_match
from .rules import Explain, Stage, register

register(Stage.SECTIONS, {
    "pull-quote": "a short statement after a subhead that repeats a body sentence is a pull quote",
    "subhead-after-section": "a subhead with its pull quote printed after its section goes before it",
})


class SectionDraft(Record):
    __slots__ = _compared = ("heading", "pull", "paras")

    def __init__(self, heading: list[Line], pull: ParaDraft | None, paras: list[ParaDraft]) -> None:
        self.heading, self.pull, self.paras = heading, pull, paras


def build_body(d: Draft, explain: Explain, col: float) -> list[Any]:
    """Paragraphs and sections of an article, subheads put back in reading order."""
    # runs of text separated by subheads
    runs: list[list[ParaDraft]] = [[]]
    heads: list[list[Line]] = []
    pending: list[Piece] = []
    for p in d.body:
        if p.kind is Kind.TEXT:
            pending.append(p)
        elif p.kind is Kind.HEAD:
            runs[-1].extend(split_paragraphs(pending, explain, col))
            pending = []
            heads.append(list(p.lines))
            runs.append([])
    runs[-1].extend(split_paragraphs(pending, explain, col))
    all_paras = [p for r in runs for p in r]
    widths = [p.width for p in all_paras]
    typical = median(widths) if widths else 0.0
    intro: list[ParaDraft] = []
    sections: list[SectionDraft] = []
    carry: list[ParaDraft] = runs[0]
    for h, run in zip(heads, runs[1:]):
        pull = None
        if run:
            cand = run[0]
            others = [p for p in all_paras if p is not cand]
            score = best_match(cand.text, [p.text for p in others])
            # a pull quote is a whole statement: a fragment cut at a column foot that
            # happens to open other sentences too (中国特色社会主义新时代，是) is not one
            if score >= PULL_SIMILARITY and len(cand.text) <= PULL_MAX and ends_sentence_or_bracket(cand.text):
                pull = cand
                run = run[1:]
                before = [p for p in carry]
                where_before = best_match(cand.text, [p.text for p in before]) if before else 0.0
                where_after = best_match(cand.text, [p.text for p in run]) if run else 0.0
                explain("pull-quote", (cand.lines[0].no, cand.lines[-1].no),
                        f"repeats a body sentence (similarity {score:.2f}): pull quote")
                if where_before >= where_after and where_before >= PULL_SIMILARITY and carry:
                    # the subhead and its pull quote were printed after the section they head;
                    # a lead set wider than the columns stays before the first section. The
                    # section before keeps its text: where it would have none, this section
                    # starts at the paragraph the quote repeats (a section's first)
                    lead = [p for p in carry if p.width > 1.4 * typical] if not sections else []
                    intro.extend(lead)
                    own = [p for p in carry if p not in lead]
                    if sections and not sections[-1].paras and len(own) > 1:
                        m = max(range(len(own)), key=lambda i: best_match(cand.text, [own[i].text]))
                        sections[-1].paras.extend(own[:m])
                        own = own[m:]
                    sections.append(SectionDraft(h, pull, own))
                    explain("subhead-after-section", (h[0].no, h[-1].no),
                            "subhead with its pull quote printed after its section: moved before it")
                    carry = run
                    continue
        # the subhead heads what follows it
        if not sections:
            intro.extend(carry)
        elif carry:
            sections[-1].paras.extend(carry)
        sections.append(SectionDraft(h, pull, []))
        carry = run
    if not sections:
        intro.extend(carry)
    else:
        sections[-1].paras.extend(carry)
    return [intro, sections]
