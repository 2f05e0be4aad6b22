#!/usr/bin/env python3
"""The weights of a section printed apart, refitted: how often the articles stage's score
(``regroup.SectionEvidence``) tells a head block over text that is a section of another
article printed apart from one that is an article of its own, with the weights in
``regroup.py`` and with weights fitted here, on generated pages (``../shared/pagegen``).

    python benchmarks/section_weights.py                       # fit on 700-1299, check on 1-60 and 1420-1619
    python benchmarks/section_weights.py --fit 700-899 --check 1-60

Each candidate (:func:`convertkit_newspage.regroup.section_evidence`, taken as the articles
stage reaches it) is labelled by the truth: whether its text and the other article's are
mostly one truth article's paragraphs. The fit is a logistic regression over the evidence
terms (:func:`order_weights.fit` with one option against "stay apart"), a little L2. It
prints each set's share of candidates decided right: with ``regroup.py``'s weights at its
threshold SECTION_MIN, and with the fitted ones at the logit's own (0).

The weights in ``regroup.py`` came from this fit; SECTION_MIN was then chosen on the
development pages' whole-page figures (``reader_accuracy.py``): a section moved into the
wrong article costs more than one left apart.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from collections import Counter
from pathlib import Path

from order_weights import fit
from reader_accuracy import ROOT, generate, seed_range

TERMS = ("bias", "shared", "cover", "closed", "author", "parallel", "length", "target_length")


def current_weights() -> list[float]:
    """regroup.py's weights as one vector over TERMS."""
    from convertkit_newspage import regroup as r

    return [r.SECTION_BIAS, r.SECTION_SHARED, r.SECTION_COVER, r.SECTION_CLOSED, r.SECTION_AUTHOR,
            r.SECTION_PARALLEL, r.SECTION_LENGTH, r.SECTION_TARGET_LENGTH]


def terms(e) -> list[float]:
    """A :class:`SectionEvidence` as the vector the weights multiply (see its score)."""
    return [1.0, e.shared, e.cover, float(e.closed), float(e.author), float(e.parallel), math.log(e.length),
            math.log(e.target_length)]


def _owner(articles: list[str], text: str) -> int | None:
    """The truth article (of ``articles``' texts) that holds most of ``text``'s 8-character runs."""
    held = Counter({n: sum(text[a:a + 8] in body for a in range(0, max(1, len(text) - 7), 4))
                    for n, body in enumerate(articles)})
    n, count = held.most_common(1)[0] if held else (None, 0)
    return n if count else None


def candidates(shared: Path, seeds: range, tmp: Path) -> list[tuple[list[float], bool]]:
    """Each candidate section of the pages of ``seeds``: its term vector, and whether it is
    the other article's."""
    import convertkit
    from convertkit_newspage import reader, regroup
    from convertkit_newspage.articles import draft_text

    weights = current_weights()
    seen: list[tuple[list, list]] = []  # (drafts' texts, evidence) of the page being read
    plain = reader.join_sections_apart

    def watch(drafts, explain):
        found = regroup.section_evidence(drafts)
        # TERMS and current_weights spell out SectionEvidence.score: they must give its scores
        assert all(math.isclose(sum(a * b for a, b in zip(weights, terms(e))), e.score(), abs_tol=1e-9)
                   for _, _, e in found), "TERMS no longer match regroup.SectionEvidence.score"
        seen.append(([draft_text(d) for d in drafts], found))
        return plain(drafts, explain)

    out = []
    reader.join_sections_apart = watch
    try:
        for page, truth_path in generate(shared, seeds, tmp / f"p{seeds.start}"):
            truth = json.loads(truth_path.read_text(encoding="utf-8"))
            bodies = ["".join("".join(p.split()) for sec in a["sections"] for p in sec["paragraphs"])
                      for a in truth["articles"]]
            seen.clear()
            convertkit.read(page.read_bytes(), "newspage")
            for texts, found in seen:
                for i, k, e in found:
                    mine = _owner(bodies, texts[i])
                    out.append((terms(e), mine is not None and mine == _owner(bodies, texts[k])))
    finally:
        reader.join_sections_apart = plain
    return out


def accuracy(data: list[tuple[list[float], bool]], w: list[float], threshold: float) -> float:
    """The share of candidates whose score is at least ``threshold`` exactly where they are sections."""
    right = sum((sum(a * b for a, b in zip(w, v)) >= threshold) == label for v, label in data)
    return right / len(data) if data else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--fit", default="700-1299", help="seeds to fit on, LO-HI")
    ap.add_argument("--check", default="1-60,1420-1619", help="seeds to check on, LO-HI[,LO-HI]")
    args = ap.parse_args()
    from convertkit_newspage.regroup import SECTION_MIN

    shared = Path(args.shared)
    with tempfile.TemporaryDirectory() as d:
        train = candidates(shared, seed_range(args.fit), Path(d))
        check = [c for r in args.check.split(",") for c in candidates(shared, seed_range(r), Path(d))]
    now = current_weights()
    # one option against "stay apart" (scored 0): the conditional logit is a logistic regression
    fitted = fit([([v], 0 if label else 1) for v, label in train], [0.0] * len(TERMS), held=set())
    print(f"candidates: {len(train)} to fit (seeds {args.fit}, {sum(lb for _, lb in train)} sections), "
          f"{len(check)} to check (seeds {args.check}, {sum(lb for _, lb in check)} sections)")
    print(f"{'':<12}{'fit':>8}{'check':>8}   " + " ".join(f"{t:>13}" for t in TERMS))
    for name, w, at in (("regroup.py", now, SECTION_MIN), ("fitted", fitted, 0.0)):
        print(f"{name:<12}{accuracy(train, w, at):>8.3f}{accuracy(check, w, at):>8.3f}   "
              + " ".join(f"{x:>13.2f}" for x in w))
    return 0


if __name__ == "__main__":
    sys.exit(main())
