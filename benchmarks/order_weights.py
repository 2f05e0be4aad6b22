#!/usr/bin/env python3
"""The reading-order weights, refitted: how often the order stage's score picks the true
continuation of a cut sentence, with the weights in ``order.py`` and with weights fitted
here by maximum likelihood, on generated pages (``../shared/pagegen``).

    python benchmarks/order_weights.py                         # fit on 700-1299, check on 1-60 and 1420-1619
    python benchmarks/order_weights.py --fit 700-899 --check 1-60
    python benchmarks/order_weights.py --fit 5000-5099 --check 5100-5199 --pool 'texts/*.truth.json'

Every text block that leaves a sentence open is one choice among its candidate joins
(:func:`convertkit_newspage.order.candidates`, each with its :class:`~convertkit_newspage.order.Evidence`)
and leaving it open. The truth says which candidate is right: the block that starts with
the characters that follow the cut in the truth's paragraphs (cuts whose end text the truth
holds more than once, and cuts whose continuation is no candidate, are left out). The fit is
a conditional logit over the evidence terms (softmax over each cut's candidates and "open",
scored 0), by gradient ascent with a little L2, the opener and last-line penalties held where
``order.py`` holds them. It prints each set's share of cuts whose best-scored candidate is the
true one.

The weights in ``order.py`` came from this fit and then a coordinate search on the
development pages' whole-page figures (``reader_accuracy.py``), which the fit's own
accuracy does not see: a wrong join costs more where it crosses articles.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from pathlib import Path

from reader_accuracy import ROOT, add_pool_option, generate, seed_range

TERMS = ("base", "natural", "indent", "lex", "run", "gap", "distance", "affinity", "opener", "quotes", "last_line")


def current_weights() -> list[float]:
    """order.py's weights as one vector over TERMS (penalties negative)."""
    from convertkit_newspage import order as o

    return [o.BASE, o.NATURAL, -o.INDENT_PENALTY, o.LEXICON_WEIGHT, o.PAGE_RUN_WEIGHT, -o.MEASURE_PENALTY,
            -o.DISTANCE_COST, o.AFFINITY_WEIGHT, -o.OPENER_PENALTY, o.QUOTE_WEIGHT, -o.LAST_LINE_PENALTY]


def terms(e) -> list[float]:
    """An :class:`Evidence` as the vector the weights multiply (see Evidence.score)."""
    return [1.0, float(e.natural and not e.indent), float(e.indent), e.lex, e.run, e.gap, float(e.distance),
            e.affinity, float(e.opener), float(e.quotes), float(e.last_line)]


def cuts(shared: Path, seeds: range, tmp: Path, pool: list[str] | None = None) -> list[tuple[list[list[float]], int]]:
    """Each cut sentence of the pages of ``seeds``: its candidates' term vectors and the
    index of the true one."""
    from convertkit_newspage import order, reader
    from convertkit_newspage.pieces import Kind, text_of
    from convertkit_newspage.rules import Explain

    weights = current_weights()
    found = []
    for page, truth_path in generate(shared, seeds, tmp / f"p{seeds.start}", pool=pool):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        paras = "\n".join("".join(p.split()) for a in truth["articles"] for sec in a["sections"]
                          for p in sec["paragraphs"])
        reader.forget()
        pieces = reader.page_pieces(page.read_text(encoding="utf-8"), 1, Explain(record=False))[0]
        evidence: dict = {}
        order.candidates(pieces, evidence)
        # TERMS and current_weights spell out Evidence.score: they must give its scores
        assert all(math.isclose(sum(a * b for a, b in zip(weights, terms(e))), e.score(), abs_tol=1e-9)
                   for e in evidence.values()), "TERMS no longer match order.Evidence.score"
        texts = [text_of(p) if p.kind is Kind.TEXT else "" for p in pieces]
        by_end: dict[int, list[tuple[int, list[float]]]] = {}
        for (end, start), e in evidence.items():
            by_end.setdefault(end, []).append((start, terms(e)))
        for end, options in by_end.items():
            true = continuations(paras, texts, end)
            if true is None:
                continue
            right = [n for n, (start, _) in enumerate(options) if true == [start]]
            if right:
                found.append(([v for _, v in options], right[0]))
    return found


def continuations(paras: str, texts: list[str], end: int) -> list[int] | None:
    """The blocks (indices into ``texts``) that start with what the truth's paragraphs
    (``paras``, one a line, spaces out) go on with after block ``end``'s text; None where
    the truth holds that text's end more than once, or it ends its paragraph (no cut
    sentence)."""
    tail = texts[end][-8:]
    if paras.count(tail) != 1:
        return None
    at = paras.find(tail) + len(tail)
    if at >= len(paras) or paras[at] == "\n":
        return None
    goes_on = paras[at:at + 8]
    return [k for k, t in enumerate(texts) if t and k != end and t.startswith(goes_on[:len(t)])]


def accuracy(data: list[tuple[list[list[float]], int]], w: list[float]) -> float:
    """The share of cuts whose best candidate is the true one and scores above "open"."""
    hits = 0
    for options, right in data:
        scores = [sum(a * b for a, b in zip(w, v)) for v in options]
        best = max(range(len(scores)), key=scores.__getitem__)
        hits += best == right and scores[best] > 0
    return hits / len(data) if data else 0.0


def fit(data: list[tuple[list[list[float]], int]], start: list[float], held: set[int],
        rounds: int = 300, l2: float = 1.0) -> list[float]:
    """Maximum-likelihood weights of the conditional logit (Adam steps), ``held`` terms fixed."""
    w, m, v = list(start), [0.0] * len(start), [0.0] * len(start)
    for step in range(1, rounds + 1):
        grad = [-l2 * x for x in w]
        for options, right in data:
            scores = [sum(a * b for a, b in zip(w, vec)) for vec in options] + [0.0]
            top = max(scores)
            exps = [math.exp(x - top) for x in scores]
            total = sum(exps)
            for n, vec in enumerate(options):
                share = (n == right) - exps[n] / total
                for t, x in enumerate(vec):
                    grad[t] += share * x
        for t in range(len(w)):
            if t in held:
                continue
            m[t] = 0.9 * m[t] + 0.1 * grad[t]
            v[t] = 0.999 * v[t] + 0.001 * grad[t] ** 2
            w[t] += 0.05 * (m[t] / (1 - 0.9 ** step)) / (math.sqrt(v[t] / (1 - 0.999 ** step)) + 1e-8)
    return w


def seed_args(doc: str, also: bool = False) -> argparse.Namespace:
    """The command line of a weight benchmark (``doc``: its module doc): the shared folder,
    the seeds to fit on and the seeds to check on; with ``also``, more seeds to fit on, made
    from another pool of texts."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--fit", default="700-1299", help="seeds to fit on, LO-HI")
    ap.add_argument("--check", default="1-60,1420-1619", help="seeds to check on, LO-HI[,LO-HI]")
    add_pool_option(ap)
    if also:
        ap.add_argument("--also", help="more seeds to fit on, LO-HI, made from --also-pool's texts")
        ap.add_argument("--also-pool", nargs="+", metavar="TRUTH", help="the truth files --also's pages are made from")
    return ap.parse_args()


def main() -> int:
    args = seed_args(__doc__)
    shared = Path(args.shared)
    with tempfile.TemporaryDirectory() as d:
        train = cuts(shared, seed_range(args.fit), Path(d), args.pool)
        check = [c for r in args.check.split(",") for c in cuts(shared, seed_range(r), Path(d), args.pool)]
    now = current_weights()
    fitted = fit(train, now, held={TERMS.index("opener"), TERMS.index("last_line")})
    print(f"cut sentences: {len(train)} to fit (seeds {args.fit}), {len(check)} to check (seeds {args.check})")
    print(f"{'':<10}{'fit':>8}{'check':>8}   " + " ".join(f"{t:>8}" for t in TERMS))
    for name, w in (("order.py", now), ("fitted", fitted)):
        print(f"{name:<10}{accuracy(train, w):>8.3f}{accuracy(check, w):>8.3f}   "
              + " ".join(f"{x:>8.2f}" for x in w))
    return 0


if __name__ == "__main__":
    sys.exit(main())
