#!/usr/bin/env python3
"""The articles stage's fitted weights, refitted on generated pages (``../shared/pagegen``).

How often its scores decide right where a head printed inside an article may open a new one
(``articles.NewTopicEvidence``), where a head block over text may be a section of another
article printed apart (``regroup.SectionEvidence``) and where untitled text may join an
article (``regroup.MergeEvidence``), with the weights in the code and with weights fitted
here.

    python benchmarks/regroup_weights.py                       # fit on 700-1299, check on 1-60 and 1420-1619
    python benchmarks/regroup_weights.py --fit 700-899 --check 1-60
    python benchmarks/regroup_weights.py --fit 5000-5099 --check 5100-5199 --pool 'texts/*.truth.json'
    python benchmarks/regroup_weights.py --fit 700-1099 --also 8000-8199 --also-pool texts/*.truth.json

``--also`` adds pages made from another pool of texts to the pages fitted on (``--pool``
still makes the ``--fit`` and ``--check`` pages): weights fitted on one pool learn its
articles' lengths along with the layout's evidence.

Each candidate (:func:`convertkit_newspage.articles.new_topic_evidence`,
:func:`convertkit_newspage.regroup.section_evidence` and
:func:`~convertkit_newspage.regroup.merge_evidence`, taken as the articles stage reaches
them) is labelled by the truth: for a new topic, whether the text under the head is mostly
another truth article's than the end of the text before it; else whether its text and the
other article's are mostly one truth article's paragraphs. The fit is a logistic regression
over the evidence terms, by Newton's method with a little L2 (:func:`fit`). It prints each
set's share of candidates decided right: with the code's weights at its threshold
(NEW_TOPIC_MIN, SECTION_MIN, MERGE_MIN), and with the fitted ones at the logit's own (0).

The weights in the code came from this fit (on the pages as read before each decision became
a score, so a refit on today's reading moves them a little); the section and merge
thresholds were then chosen on the development pages' whole-page figures
(``reader_accuracy.py``): text moved into the wrong article costs more than text left apart.
"""
from __future__ import annotations

import importlib
import json
import math
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from order_weights import seed_args
from reader_accuracy import generate, seed_range


@dataclass(frozen=True)
class Decision:
    """One scored decision of the articles stage: its module, the reader function that
    makes it and the function listing its candidates (drafts in, (draft, article, evidence)
    out), or, for a decision made inside segmentation, the evidence function to watch; its
    weight constants (in the order of ``terms``) and its threshold constant."""

    module: str
    step: str
    candidates: str
    weights: tuple[str, ...]
    threshold: str
    terms: Callable[[object], list[float]]


DECISIONS = {
    "new_topic": Decision("articles", "", "new_topic_evidence",
                          ("NEW_TOPIC_BIAS", "NEW_TOPIC_HELD", "NEW_TOPIC_NEWS", "NEW_TOPIC_SHARED", "NEW_TOPIC_BEFORE",
                           "NEW_TOPIC_AFTER", "NEW_TOPIC_SUBHEADS"), "NEW_TOPIC_MIN",
                          lambda e: [1.0, e.held, float(e.news), e.shared, math.log(e.before + 1),
                                     math.log(e.after + 1), float(e.subheads)]),
    "section": Decision("regroup", "join_sections_apart", "section_evidence",
                        ("SECTION_BIAS", "SECTION_SHARED", "SECTION_COVER", "SECTION_CLOSED", "SECTION_AUTHOR",
                         "SECTION_PARALLEL", "SECTION_LENGTH", "SECTION_TARGET_LENGTH"), "SECTION_MIN",
                        lambda e: [1.0, e.shared, e.cover, float(e.closed), float(e.author), float(e.parallel),
                                   math.log(e.length), math.log(e.target_length)]),
    "merge": Decision("regroup", "merge_by_affinity", "merge_evidence",
                      ("MERGE_BIAS", "MERGE_MARGIN", "MERGE_SHARED", "MERGE_COVER", "MERGE_AFTER_SIGNOFF", "MERGE_LEDE",
                       "MERGE_WAITING", "MERGE_AUTHOR", "MERGE_CLOSED", "MERGE_LENGTH", "MERGE_TARGET_LENGTH",
                       "MERGE_LEAD"),
                      "MERGE_MIN",
                      lambda e: [1.0, e.margin, e.shared, e.cover, float(e.after_signoff), e.lede, float(e.waiting),
                                 float(e.author), float(e.closed), math.log(e.length + 1),
                                 math.log(e.target_length + 1), float(e.lead)]),
}


def current_weights(decision: Decision) -> list[float]:
    module = importlib.import_module(f"convertkit_newspage.{decision.module}")
    return [getattr(module, name) for name in decision.weights]


def _owner(articles: list[str], text: str) -> int | None:
    """The truth article (of ``articles``' texts) that holds most of ``text``'s 8-character runs."""
    held = Counter({n: sum(text[a:a + 8] in body for a in range(0, max(1, len(text) - 7), 4))
                    for n, body in enumerate(articles)})
    n, count = held.most_common(1)[0] if held else (None, 0)
    return n if count else None


def candidates(shared: Path, seeds: range, tmp: Path,
               pool: list[str] | None = None) -> dict[str, list[tuple[list[float], bool]]]:
    """Each decision's candidates on the pages of ``seeds``: their term vectors, and their
    labels (see the module's doc)."""
    import convertkit
    from convertkit_newspage import articles, reader, regroup
    from convertkit_newspage.articles import draft_text

    # (evidence, text of the draft, text of the other article, same article means yes)
    seen: list[tuple[str, object, str, str, bool]] = []
    plain = {name: getattr(reader if d.step else articles, d.step or d.candidates) for name, d in DECISIONS.items()}

    def checked(name: str, found: list) -> None:
        weights = current_weights(DECISIONS[name])
        # the terms and weights here spell out the evidence's score: they must give its scores
        assert all(math.isclose(sum(a * b for a, b in zip(weights, DECISIONS[name].terms(e))), e.score(),
                                abs_tol=1e-9) for e in found), f"{name}: terms no longer match the score"

    def watching(name: str, decision: Decision):
        def step(drafts, explain):
            found = getattr(regroup, decision.candidates)(drafts)
            checked(name, [e for _, _, e in found])
            texts = [draft_text(d) for d in drafts]
            seen.extend((name, e, texts[i], texts[k], True) for i, k, e in found)
            return plain[name](drafts, explain)
        return step

    def new_topic(lines, before, text, shared, *more):
        e = plain["new_topic"](lines, before, text, shared, *more)
        checked("new_topic", [e])
        # a new article where the text under the head is another's than the text before
        seen.append(("new_topic", e, text, before[-300:], False))
        return e

    out: dict[str, list[tuple[list[float], bool]]] = {name: [] for name in DECISIONS}
    for name, decision in DECISIONS.items():
        if decision.step:
            setattr(reader, decision.step, watching(name, decision))
    articles.new_topic_evidence = new_topic
    try:
        for page, truth_path in generate(shared, seeds, tmp / f"p{seeds.start}", pool=pool):
            truth = json.loads(truth_path.read_text(encoding="utf-8"))
            bodies = ["".join("".join(p.split()) for sec in a["sections"] for p in sec["paragraphs"])
                      for a in truth["articles"]]
            seen.clear()
            convertkit.read(page.read_bytes(), "newspage")
            for name, e, mine, theirs, same in seen:
                owner = _owner(bodies, mine)
                one = owner is not None and owner == _owner(bodies, theirs)
                out[name].append((DECISIONS[name].terms(e), one if same else owner is not None and not one))
    finally:
        for name, decision in DECISIONS.items():
            if decision.step:
                setattr(reader, decision.step, plain[name])
        articles.new_topic_evidence = plain["new_topic"]
    return out


def fit(data: list[tuple[list[float], bool]], l2: float = 1.0, rounds: int = 30) -> list[float]:
    """The weights of a logistic regression over ``data`` (term vectors, labels) with L2
    penalty ``l2``, by Newton's method: the log likelihood is concave, and each round solves
    the small linear system of its Hessian (Gaussian elimination)."""
    n = len(data[0][0]) if data else 0
    w = [0.0] * n
    for _ in range(rounds):
        grad = [-l2 * x for x in w]
        hess = [[-l2 * (i == j) for j in range(n)] for i in range(n)]
        for v, label in data:
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, sum(a * b for a, b in zip(w, v))))))
            for i in range(n):
                grad[i] += (label - p) * v[i]
                for j in range(n):
                    hess[i][j] -= p * (1 - p) * v[i] * v[j]
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
        if max(map(abs, step), default=0.0) < 1e-9:
            break
    return w


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """x with a x = b (Gaussian elimination with partial pivoting)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        pivot = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[pivot] = m[pivot], m[c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            for k in range(c, n + 1):
                m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][k] * x[k] for k in range(r + 1, n))) / m[r][r]
    return x


def accuracy(data: list[tuple[list[float], bool]], w: list[float], threshold: float) -> float:
    """The share of candidates whose score is at least ``threshold`` exactly where the text is the other article's."""
    right = sum((sum(a * b for a, b in zip(w, v)) >= threshold) == label for v, label in data)
    return right / len(data) if data else 0.0


def main() -> int:
    args = seed_args(__doc__, also=True)
    shared = Path(args.shared)
    with tempfile.TemporaryDirectory() as d:
        train = candidates(shared, seed_range(args.fit), Path(d), args.pool)
        if args.also:
            for name, found in candidates(shared, seed_range(args.also), Path(d), args.also_pool).items():
                train[name].extend(found)
        check: dict[str, list] = {name: [] for name in DECISIONS}
        for r in args.check.split(","):
            for name, found in candidates(shared, seed_range(r), Path(d), args.pool).items():
                check[name].extend(found)
    for name, decision in DECISIONS.items():
        now = current_weights(decision)
        fitted = fit(train[name])
        tr, ck = train[name], check[name]
        fitted_on = args.fit + (f" and {args.also}" if args.also else "")
        print(f"\n{name}: {len(tr)} candidates to fit (seeds {fitted_on}, {sum(lb for _, lb in tr)} labelled yes), "
              f"{len(ck)} to check (seeds {args.check}, {sum(lb for _, lb in ck)})")
        terms = [w.removeprefix(decision.threshold.removesuffix("MIN")).lower() for w in decision.weights]
        print(f"{'':<12}{'fit':>8}{'check':>8}   " + " ".join(f"{t:>13}" for t in terms))
        threshold = getattr(importlib.import_module(f"convertkit_newspage.{decision.module}"), decision.threshold)
        for label, w, at in ((f"{decision.module}.py", now, threshold), ("fitted", fitted, 0.0)):
            print(f"{label:<12}{accuracy(tr, w, at):>8.3f}{accuracy(ck, w, at):>8.3f}   "
                  + " ".join(f"{x:>13.2f}" for x in w))
    return 0


if __name__ == "__main__":
    sys.exit(main())
