"""Train the learned clause classifier (``learned.py``) from gold files, and measure it honestly.

``python -m ingest.extract.train GOLD.json... [--out ingest/data/learned_kinds.json]`` reads each
gold file's documents the way ``extract`` does, cuts their body into clauses exactly as the
extractor does (the learned hook records every clause it sees, with the model the rules'
attribution gives it), labels a clause positive for kind K when it contains a gold key of
kind K, and fits one logistic regression per kind (pure Python, fixed seed: the same files
give the same weights, byte for byte).

``--cv`` runs leave-one-set-out cross-validation instead: for each gold file, train on the
others, then score that file's documents with the rules alone and with rules + learned claims,
by the shared scorer's own matching (``evaluate.load_scorer``). Only files one may read belong
here; sets kept for scores only are scored with ``score_claims.py`` and the shipped weights.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from ingest.extract import EXTRACTOR_VERSION
from ingest.extract.engine import Extractor
from ingest.extract.evaluate import SCORED, Score, load_scorer, tally
from ingest.extract.learned import KINDS, WEIGHTS, Candidate, KindModel, _sigmoid, keep_new
from ingest.offline import documents_from_path
from schemas.claim import Claim

#: bumped when labelling or fitting changes; claims carry it as ``learned-kinds/N``
TRAINER_VERSION = 1


@dataclass
class Params:
    epochs: int = 12
    rate: float = 0.02
    l2: float = 1e-4
    pos_weight: float = 4.0
    min_count: int = 2
    threshold: float = 0.5
    emit: str = "capability,limitation,strength,bug"  # the kinds the layer may claim
    prune: float = 0.02  # weights smaller than this (for every kind) are left out of the file
    nb: int = 0  # scale features by their naive-Bayes log-count ratio (NBSVM)
    cues: int = 1  # learn from the lexicon's cue kinds in the clause (0: from its text alone)
    veto: float = 0.0  # drop a rule claim of a text kind whose clauses all score below this for its kind
    seed: int = 7


@dataclass
class DocData:
    path: str
    gold: list[dict[str, Any]]
    ignore: list[str]
    rules: list[Claim]
    text: str  # the body as the extractor stores it
    cands: list[Candidate]
    labels: list[set[str]] = field(default_factory=list)


@dataclass
class SetData:
    name: str
    path: Path
    docs: list[DocData]


def norm_text(s: str) -> str:
    """The scorer's normalisation of a quote (whitespace and quotation marks removed)."""
    return "".join(ch for ch in s if not ch.isspace() and ch not in "“”\"'‘’「」")


def gold_keys(claim: dict[str, Any]) -> list[str]:
    key = claim.get("key")
    keys = key if isinstance(key, list) else [key]
    return [norm_text(str(k)) for k in keys if k]


def read_set(path: Path, ext: Extractor) -> SetData:
    """Every document of gold file ``path``: its rule claims, clauses and clause labels."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    docs: list[DocData] = []
    for entry in gold["documents"]:
        src = path.parent / entry["path"]
        rules: list[Claim] = []
        cands: list[Candidate] = []
        text = ""
        for n, doc in enumerate(documents_from_path(src)):
            assert ext.learned is not None and ext.learned.record is not None
            ext.learned.record.clear()
            rules += ext.extract(doc, str(src))
            if n == 0:  # one document a file in every gold set
                text = doc.text
                cands = list(ext.learned.record)
        d = DocData(str(entry["path"]), entry["claims"], entry.get("ignore", []), rules, text, cands)
        d.labels = [label(text[c.start : c.end], d.gold) for c in cands]
        docs.append(d)
    return SetData(path.parent.name if path.stem == "gold" else path.stem, path, docs)


def label(quote: str, gold: list[dict[str, Any]]) -> set[str]:
    """The text kinds whose gold key the clause ``quote`` contains."""
    q = norm_text(quote)
    return {g["kind"] for g in gold if g["kind"] in KINDS and any(k in q for k in gold_keys(g))}


def recorder() -> Extractor:
    """An extractor (rules only) whose learned hook records every body clause."""
    return Extractor(EXTRACTOR_VERSION, record=[])


# ----- fitting -------------------------------------------------------------------
def fit(sets: list[SetData], p: Params) -> KindModel:
    """One logistic regression per kind over the clauses of ``sets`` (SGD, fixed seed).

    With ``p.nb`` each feature's value is its naive-Bayes log-count ratio for the kind (NBSVM,
    Wang & Manning 2012), which steadies a linear model on little data; the ratio is folded into
    the weights written out, so inference is the same sum either way.
    """
    rows = [(c.feats, lab) for s in sets for d in s.docs for c, lab in zip(d.cands, d.labels, strict=True)]
    counts = Counter(f for feats, _ in rows for f in feats if p.cues or not f.startswith("#cue:"))
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= p.min_count))}
    xs = [[vocab[f] for f in feats if f in vocab] for feats, _ in rows]
    ys = [[1.0 if k in lab else 0.0 for k in KINDS] for _, lab in rows]
    nk = len(KINDS)
    r = _log_ratios(xs, ys, len(vocab)) if p.nb else [[1.0] * nk for _ in vocab]
    w = [[0.0] * nk for _ in vocab]
    b = [0.0] * nk
    rng = random.Random(p.seed)
    order = list(range(len(rows)))
    for epoch in range(p.epochs):
        rng.shuffle(order)
        eta = p.rate / (1 + epoch)
        for i in order:
            x, y = xs[i], ys[i]
            m = list(b)
            for j in x:
                wj, rj = w[j], r[j]
                for k in range(nk):
                    m[k] += wj[k] * rj[k]
            for k in range(nk):
                g = _sigmoid(m[k]) - y[k]
                if y[k]:
                    g *= p.pos_weight
                if -1e-5 < g < 1e-5:
                    continue
                b[k] -= eta * g
                for j in x:
                    wj = w[j]
                    wj[k] -= eta * (g * r[j][k] + p.l2 * wj[k])
    folded = {f: [w[i][k] * r[i][k] for k in range(nk)] for f, i in vocab.items()}
    weights = {f: v for f, v in folded.items() if max(abs(x) for x in v) >= p.prune}
    meta = {
        "trainer_version": TRAINER_VERSION,
        "trained_on": [
            {
                "set": s.name,
                "documents": len(s.docs),
                "clauses": sum(len(d.cands) for d in s.docs),
                "positive": {k: sum(k in lab for d in s.docs for lab in d.labels) for k in KINDS},
            }
            for s in sets
        ],
        "params": {k: v for k, v in vars(p).items()},
    }
    emit = set(p.emit.split(","))
    return KindModel(KINDS, b, weights, {k: p.threshold if k in emit else 1.1 for k in KINDS}, meta)


def _log_ratios(xs: list[list[int]], ys: list[list[float]], n: int) -> list[list[float]]:
    """Per feature and kind, log((a+1)/|a+1|) - log((c+1)/|c+1|): a, c its counts in positive and
    negative clauses of the kind."""
    nk = len(KINDS)
    pos = [[1.0] * nk for _ in range(n)]
    neg = [[1.0] * nk for _ in range(n)]
    for x, y in zip(xs, ys, strict=True):
        for j in x:
            for k in range(nk):
                (pos if y[k] else neg)[j][k] += 1
    tp = [sum(row[k] for row in pos) for k in range(nk)]
    tn = [sum(row[k] for row in neg) for k in range(nk)]
    return [[math.log(pos[j][k] / tp[k]) - math.log(neg[j][k] / tn[k]) for k in range(nk)] for j in range(n)]


# ----- scoring -------------------------------------------------------------------
def learned_claims(d: DocData, model: KindModel) -> list[Claim]:
    """The claims the learned layer adds to document ``d`` (as extraction would make them)."""
    out: list[Claim] = []
    for c in d.cands:
        best = model.best(c.feats)
        if best is None or not c.models:
            continue
        kind, prob = best
        a, e = c.start, c.end
        while a < e and d.text[a].isspace():
            a += 1
        while e > a and d.text[e - 1].isspace():
            e -= 1
        for name, tier in c.models:
            out.append(
                Claim(
                    document=d.path,
                    kind=kind,
                    model=name,
                    tier=tier,
                    quote=d.text[a:e],
                    start=a,
                    end=e,
                    confidence=round(prob if c.explicit else prob * 0.9, 3),
                    method=f"learned-kinds/{TRAINER_VERSION}",
                )
            )
    return keep_new(out, d.rules)


def vetoed(d: DocData, model: KindModel, veto: float) -> list[Claim]:
    """``d``'s rule claims without those of a text kind no clause of their quote scores ``veto`` for."""
    if veto <= 0:
        return d.rules
    out: list[Claim] = []
    for c in d.rules:
        if c.kind in KINDS and c.section == "body":
            k = KINDS.index(c.kind)
            ps = [model.probs(x.feats)[k] for x in d.cands if x.start < c.end and c.start < x.end]
            if ps and max(ps) < veto:
                continue
        out.append(c)
    return out


def score_docs(
    docs: list[DocData], scorer: ModuleType, model: KindModel | None, params: Params | None = None
) -> Score:
    """The shared scorer's matching over ``docs``: their rule claims, plus the learned ones."""
    s = Score()
    for d in docs:
        rules = vetoed(d, model, params.veto) if model and params else d.rules
        claims = rules + (learned_claims(d, model) if model else [])
        preds = [c.model_dump(mode="json") for c in claims if c.kind in SCORED]
        tally(s, d.path, d.gold, d.ignore, preds, scorer)
    return s


def cross_validate(sets: list[SetData], p: Params, scorer: ModuleType, verbose: bool = False) -> list[str]:
    """Leave one set out: rules alone vs rules + learned on each held-out set, and overall."""
    rows = [
        f"{'held out':<12}{'docs':>5}{'rules F1':>10}{'+learned':>10}{'P':>7}{'R':>7}{'added':>7}{'P add':>7}"
        "  per kind (F1 rules→+learned)"
    ]
    total_r, total_l = Score(), Score()
    for held in sets:
        train = [s for s in sets if s is not held]
        model = fit(train, p)
        r, lr = score_docs(held.docs, scorer, None), score_docs(held.docs, scorer, model, p)
        for a, b in ((total_r, r), (total_l, lr)):
            for c in ("tp", "fp", "fn", "dup"):
                getattr(a, c).update(getattr(b, c))
        kinds = " ".join(f"{k[:4]} {r.prf(k)[2]:.2f}→{lr.prf(k)[2]:.2f}" for k in KINDS)
        pl, rl, fl = lr.prf()
        rows.append(
            f"{held.name:<12}{len(held.docs):>5}{r.prf()[2]:>10.3f}{fl:>10.3f}{pl:>7.3f}{rl:>7.3f}"
            f"{_added(r, lr)}  {kinds}"
        )
        if verbose:
            rows += ["    " + m for m in lr.misses if m not in set(r.misses)]
    kinds = " ".join(f"{k[:4]} {total_r.prf(k)[2]:.2f}→{total_l.prf(k)[2]:.2f}" for k in KINDS)
    pl, rl, fl = total_l.prf()
    rows.append(
        f"{'all (micro)':<12}{'':>5}{total_r.prf()[2]:>10.3f}{fl:>10.3f}{pl:>7.3f}{rl:>7.3f}"
        f"{_added(total_r, total_l)}  {kinds}"
    )
    rows.append(
        "added: learned claims that count (tp or fp) beyond the rules'; P add: the share of them that"
        " are right (adding claims raises F1 when P add > F1/2)"
    )
    price = [f"{s.prf('price')[0]:.2f}" for s in (total_r, total_l)]
    rows.append(f"price precision: rules {price[0]}, +learned {price[1]}")
    return rows


def dump(model: KindModel) -> str:
    """The weights file: settings and provenance first, then one feature a line (sorted)."""
    data = model.to_json()
    weights = data.pop("weights")
    head = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    lines = [f"{json.dumps(g, ensure_ascii=False)}: {json.dumps(w)}" for g, w in weights.items()]
    return head[:-2] + ',\n "weights": {\n' + ",\n".join(lines) + "\n }\n}\n"


def _added(rules: Score, both: Score) -> str:
    tp = sum(both.tp.values()) - sum(rules.tp.values())
    fp = sum(both.fp.values()) - sum(rules.fp.values())
    return f"{tp + fp:>7}{(tp / (tp + fp) if tp + fp else 0.0):>7.2f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Train (or cross-validate) the learned clause kinds.")
    ap.add_argument("gold", nargs="+", type=Path, help="gold files to learn from (readable sets only)")
    ap.add_argument("--out", type=Path, default=WEIGHTS, help="where to write the weights")
    ap.add_argument("--cv", action="store_true", help="leave-one-set-out cross-validation; writes nothing")
    ap.add_argument("-v", "--verbose", action="store_true", help="with --cv: list the learned claims' errors")
    for name, val in vars(Params()).items():
        ap.add_argument(f"--{name.replace('_', '-')}", type=type(val), default=val)
    a = ap.parse_args(argv)
    p = Params(**{k: getattr(a, k) for k in vars(Params())})
    missing = [str(g) for g in a.gold if not g.is_file()]
    if missing:
        print(f"error: no such gold file: {', '.join(missing)}", file=sys.stderr)
        return 2
    ext = recorder()
    sets = [read_set(g, ext) for g in a.gold]
    for s in sets:
        pos = Counter(k for d in s.docs for lab in d.labels for k in lab)
        gold = Counter(g["kind"] for d in s.docs for g in d.gold if g["kind"] in KINDS)
        print(
            f"{s.name}: {len(s.docs)} documents, {sum(len(d.cands) for d in s.docs)} clauses; "
            + ", ".join(f"{k} {pos[k]} clauses/{gold[k]} gold" for k in KINDS),
            file=sys.stderr,
        )
    if a.cv:
        print("\n".join(cross_validate(sets, p, load_scorer(), a.verbose)))
        return 0
    model = fit(sets, p)
    a.out.write_text(dump(model), encoding="utf-8")
    print(f"wrote {a.out}: {len(model.weights)} features", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
