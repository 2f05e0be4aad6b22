#!/usr/bin/env python3
"""The articles stage's fitted weights, refitted on generated pages (``../shared/pagegen``).

How often its scores decide right where a head printed inside an article may open a new one
(``articles.NewTopicEvidence``), where a head block over text may be a section of another
article printed apart (``sectionsapart.SectionEvidence``) and where untitled text may join an
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
:func:`convertkit_newspage.sectionsapart.section_evidence` and
:func:`~convertkit_newspage.regroup.merge_evidence`, taken as the articles stage reaches
them) is labelled by the truth: for a new topic, whether the text under the head is mostly
another truth article's than the end of the text before it; else whether its text and the
other article's are mostly one truth article's paragraphs. A section printed apart is a
choice among the page's articles it may be a section of (and none:
``sectionsapart._section_choices``), each an alternative so labelled; the other two are a yes or
no about one article. The fit is a conditional logit over the
evidence terms (a logistic regression where a decision has one alternative), by Newton's
method with a little L2 (:func:`fit`). It prints each set's share of decisions made right:
with the code's weights at its threshold (NEW_TOPIC_MIN, SECTION_MIN, MERGE_MIN), and with
the fitted ones at the logit's own (0).

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


#: one decision on a page: its alternatives, each its evidence's terms and whether the truth says yes
Group = list[tuple[list[float], bool]]


@dataclass(frozen=True)
class Decision:
    """One scored decision of the articles stage: its module, the reader function that
    makes it and the function listing its candidates (drafts in, (draft, article, evidence)
    out, or with ``choice`` (draft, [(article, evidence), ...]): a choice among articles), or,
    for a decision made inside segmentation, the evidence function to watch; its weight
    constants (in the order of ``terms``), its threshold constant and the L2 penalty its
    weights were fitted with."""

    module: str
    step: str
    candidates: str
    weights: tuple[str, ...]
    threshold: str
    terms: Callable[[object], list[float]]
    choice: bool = False
    l2: float = 1.0

    def code(self):
        """The reader's module that makes the decision (holds its evidence and weights)."""
        return importlib.import_module(f"convertkit_newspage.{self.module}")


DECISIONS = {
    "new_topic": Decision("articles", "", "new_topic_evidence",
                          ("NEW_TOPIC_BIAS", "NEW_TOPIC_HELD", "NEW_TOPIC_NEWS", "NEW_TOPIC_SHARED", "NEW_TOPIC_BEFORE",
                           "NEW_TOPIC_AFTER", "NEW_TOPIC_SUBHEADS"), "NEW_TOPIC_MIN",
                          lambda e: [1.0, e.held, float(e.news), e.shared, math.log(e.before + 1),
                                     math.log(e.after + 1), float(e.subheads)]),
    "section": Decision("sectionsapart", "join_sections_apart", "section_evidence",
                        ("SECTION_BIAS", "SECTION_SHARED", "SECTION_COVER", "SECTION_CLOSED", "SECTION_AUTHOR",
                         "SECTION_PARALLEL", "SECTION_LENGTH", "SECTION_TARGET_LENGTH", "SECTION_WIDE"), "SECTION_MIN",
                        lambda e: [1.0, e.shared, e.cover, float(e.closed), float(e.author), float(e.parallel),
                                   math.log(e.length), math.log(e.target_length), float(e.wide)], choice=True,
                        # a light penalty: the share of the text's pairs an article holds spans
                        # tenths, and the choice among articles turns on it (a penalty of 1 halves
                        # its weight, and the whole-page figures of 700-1099 and 8000-8199 drop)
                        l2=0.01),
    "merge": Decision("regroup", "merge_by_affinity", "merge_evidence",
                      ("MERGE_BIAS", "MERGE_MARGIN", "MERGE_SHARED", "MERGE_COVER", "MERGE_AFTER_SIGNOFF", "MERGE_LEDE",
                       "MERGE_WAITING", "MERGE_AUTHOR", "MERGE_CLOSED", "MERGE_LENGTH", "MERGE_TARGET_LENGTH",
                       "MERGE_LEAD", "MERGE_MEASURE"),
                      "MERGE_MIN",
                      lambda e: [1.0, e.margin, e.shared, e.cover, float(e.after_signoff), e.lede, float(e.waiting),
                                 float(e.author), float(e.closed), math.log(e.length + 1),
                                 math.log(e.target_length + 1), float(e.lead), float(e.other_measure)]),
}


def current_weights(decision: Decision) -> list[float]:
    module = decision.code()
    return [getattr(module, name) for name in decision.weights]


def _owner(articles: list[str], text: str) -> int | None:
    """The truth article (of ``articles``' texts) that holds most of ``text``'s 8-character runs."""
    held = Counter({n: sum(text[a:a + 8] in body for a in range(0, max(1, len(text) - 7), 4))
                    for n, body in enumerate(articles)})
    n, count = held.most_common(1)[0] if held else (None, 0)
    return n if count else None


def candidates(shared: Path, seeds: range, tmp: Path,
               pool: list[str] | None = None) -> dict[str, list[Group]]:
    """Each decision's choices on the pages of ``seeds``: for each, its alternatives' term
    vectors and labels (see the module's doc)."""
    import convertkit
    from convertkit_newspage import articles, reader
    from convertkit_newspage.articles import draft_text

    # (decision, the alternatives: evidence and the other article's text, the draft's text,
    # whether being the same article means yes)
    seen: list[tuple[str, list[tuple[object, str]], str, bool]] = []
    plain = {name: getattr(reader if d.step else articles, d.step or d.candidates) for name, d in DECISIONS.items()}

    def checked(name: str, found: list) -> None:
        weights = current_weights(DECISIONS[name])
        # the terms and weights here spell out the evidence's score: they must give its scores
        assert all(math.isclose(sum(a * b for a, b in zip(weights, DECISIONS[name].terms(e))), e.score(),
                                abs_tol=1e-9) for e in found), f"{name}: terms no longer match the score"

    def watching(name: str, decision: Decision):
        module = decision.code()

        def step(drafts, explain, *more):
            found = getattr(module, decision.candidates)(drafts)
            # a choice among articles lists (draft, [(article, evidence), ...]); a yes-or-no
            # decision (draft, article, evidence): one alternative
            groups = found if decision.choice else [(i, [(k, e)]) for i, k, e in found]
            checked(name, [e for _, alternatives in groups for _, e in alternatives])
            texts = [draft_text(d) for d in drafts]
            seen.extend((name, [(e, texts[k]) for k, e in alternatives], texts[i], True) for i, alternatives in groups)
            return plain[name](drafts, explain, *more)
        return step

    def new_topic(lines, before, text, shared, *more):
        e = plain["new_topic"](lines, before, text, shared, *more)
        checked("new_topic", [e])
        # a new article where the text under the head is another's than the text before
        seen.append(("new_topic", [(e, before[-300:])], text, False))
        return e

    out: dict[str, list[Group]] = {name: [] for name in DECISIONS}
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
            for name, alternatives, mine, same in seen:
                owner = _owner(bodies, mine)
                group = []
                for e, theirs in alternatives:
                    one = owner is not None and owner == _owner(bodies, theirs)
                    group.append((DECISIONS[name].terms(e), one if same else owner is not None and not one))
                out[name].append(group)
    finally:
        for name, decision in DECISIONS.items():
            if decision.step:
                setattr(reader, decision.step, plain[name])
        articles.new_topic_evidence = plain["new_topic"]
    return out


def fit(data: list[Group], l2: float = 1.0, rounds: int = 30) -> list[float]:
    """The weights of a conditional logit over ``data`` (choices: each its alternatives'
    term vectors and labels) with L2 penalty ``l2``, by Newton's method: each choice picks one
    of its alternatives or none (whose score is 0), with probability in proportion to the
    exponential of its score. A yes-or-no decision is a choice of one alternative, and the
    fit is then a logistic regression. The log likelihood is concave, and each round solves
    the small linear system of its Hessian (Gaussian elimination)."""
    n = len(data[0][0][0]) if data else 0
    w = [0.0] * n
    for _ in range(rounds):
        grad = [-l2 * x for x in w]
        hess = [[-l2 * (i == j) for j in range(n)] for i in range(n)]
        for group in data:
            scores = [max(-30.0, min(30.0, sum(a * b for a, b in zip(w, v)))) for v, _ in group]
            top = max(0.0, *scores)
            weights = [math.exp(u - top) for u in scores]
            total = math.exp(-top) + sum(weights)
            p = [x / total for x in weights]
            truth = _chosen(group)
            mean = [sum(pj * v[i] for pj, (v, _) in zip(p, group)) for i in range(n)]
            for j, (v, _) in enumerate(group):
                for i in range(n):
                    grad[i] += ((j == truth) - p[j]) * v[i]
                    for k in range(n):
                        hess[i][k] -= p[j] * v[i] * v[k]
            for i in range(n):
                for k in range(n):
                    hess[i][k] += mean[i] * mean[k]
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step)]
        if max(map(abs, step), default=0.0) < 1e-9:
            break
    return w


def _chosen(group: Group) -> int | None:
    """The alternative the truth picks: the first labelled yes (None: none is)."""
    return next((j for j, (_, label) in enumerate(group) if label), None)


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


def accuracy(data: list[Group], w: list[float], threshold: float) -> float:
    """The share of choices decided right: the alternative of the best score where it is at
    least ``threshold`` (else none) is one the truth labels yes (or none is)."""
    right = 0
    for group in data:
        scores = [sum(a * b for a, b in zip(w, v)) for v, _ in group]
        best = max(range(len(group)), key=scores.__getitem__)
        right += group[best][1] if scores[best] >= threshold else _chosen(group) is None
    return right / len(data) if data else 0.0


def _yes(data: list[Group]) -> int:
    return sum(_chosen(group) is not None for group in data)


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
        fitted = fit(train[name], decision.l2)
        tr, ck = train[name], check[name]
        fitted_on = args.fit + (f" and {args.also}" if args.also else "")
        print(f"\n{name}: {len(tr)} decisions to fit (seeds {fitted_on}, {_yes(tr)} with an alternative labelled "
              f"yes), {len(ck)} to check (seeds {args.check}, {_yes(ck)})")
        terms = [w.removeprefix(decision.threshold.removesuffix("MIN")).lower() for w in decision.weights]
        print(f"{'':<16}{'fit':>8}{'check':>8}   " + " ".join(f"{t:>13}" for t in terms))
        threshold = getattr(decision.code(), decision.threshold)
        for label, w, at in ((f"{decision.module}.py", now, threshold), ("fitted", fitted, 0.0)):
            print(f"{label:<16}{accuracy(tr, w, at):>8.3f}{accuracy(ck, w, at):>8.3f}   "
                  + " ".join(f"{x:>13.2f}" for x in w))
    return 0


if __name__ == "__main__":
    sys.exit(main())
