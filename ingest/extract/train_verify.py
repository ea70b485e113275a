"""Train the claim verifier (``verify.py``) from gold files, and measure it honestly.

``python -m ingest.extract.train_verify GOLD.json... [--out ingest/data/verifier.json]`` runs the
rules (no learned layer, no verifier) over each gold file's documents, labels every claim of a
scored kind by the shared scorer's own matching (right: it matches a gold claim, even one
already matched; wrong: it matches none and quotes no ignored phrase; claims quoting an ignored
phrase are left out), fits one logistic regression (pure Python, fixed seed: the same files
give the same weights, byte for byte), and chooses each kind's threshold by leave-one-set-out
cross-validation: the threshold (or none) that gives the best mean F1 over the held-out sets.

``--cv`` prints that cross-validation (F1 per held-out set and per kind, before -> after) and
writes nothing. Only readable sets belong here; sets kept for scores only are scored with
``score_claims.py`` and ``PINGCE_VERIFY=weights.json``.
"""

from __future__ import annotations

import argparse
import json
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
from ingest.extract.verify import WEIGHTS, VerifyModel, _sigmoid, features_of
from ingest.offline import documents_from_path

#: bumped when labelling or fitting changes
TRAINER_VERSION = 1
GRID = (0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)


@dataclass
class Params:
    epochs: int = 10
    rate: float = 0.05
    l2: float = 1e-4
    min_count: int = 2
    prune: float = 0.02  # weights smaller than this are left out of the file
    kinds: str = "capability,limitation,strength,bug,speed"  # kinds the verifier may prune
    seed: int = 7


@dataclass
class DocData:
    path: str
    gold: list[dict[str, Any]]
    ignore: list[str]
    preds: list[dict[str, Any]]  # the rules' claims of scored kinds, as the scorer reads them
    feats: list[list[str]]
    labels: list[int | None] = field(default_factory=list)  # 1 right, 0 wrong, None ignored


@dataclass
class SetData:
    name: str
    docs: list[DocData]


def read_set(path: Path, ext: Extractor, scorer: ModuleType) -> SetData:
    """Every document of gold file ``path``: the rules' claims, their features and labels."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    docs: list[DocData] = []
    for entry in gold["documents"]:
        src = path.parent / entry["path"]
        preds: list[dict[str, Any]] = []
        feats: list[list[str]] = []
        for doc in documents_from_path(src):
            claims = [c for c in ext.extract(doc, str(src)) if c.kind in SCORED]
            feats += features_of(claims, {"body": doc.text, "summary": doc.summary or ""})
            preds += [c.model_dump(mode="json") for c in claims]
        d = DocData(str(entry["path"]), entry["claims"], entry.get("ignore", []), preds, feats)
        ignored = [scorer.norm_text(i) for i in d.ignore]
        for p in preds:
            if any(scorer.matches(g, p) for g in d.gold):
                d.labels.append(1)
            elif any(i and i in scorer.norm_text(p.get("quote")) for i in ignored):
                d.labels.append(None)
            else:
                d.labels.append(0)
        docs.append(d)
    # blind sets all keep a gold.json, so their folder names them
    return SetData(path.parent.name if path.stem == "gold" else path.stem, docs)


def fit(sets: list[SetData], p: Params) -> tuple[float, dict[str, float]]:
    """Logistic regression (SGD, fixed seed) over the labelled claims of ``sets``."""
    rows = [
        (f, y) for s in sets for d in s.docs for f, y in zip(d.feats, d.labels, strict=True) if y is not None
    ]
    counts = Counter(g for f, _ in rows for g in f)
    vocab = {g: i for i, g in enumerate(sorted(g for g, n in counts.items() if n >= p.min_count))}
    xs = [[vocab[g] for g in f if g in vocab] for f, _ in rows]
    ys = [float(y) for _, y in rows]
    w = [0.0] * len(vocab)
    b = 0.0
    rng = random.Random(p.seed)
    order = list(range(len(rows)))
    for epoch in range(p.epochs):
        rng.shuffle(order)
        eta = p.rate / (1 + epoch)
        for i in order:
            x = xs[i]
            g = _sigmoid(b + sum(w[j] for j in x)) - ys[i]
            b -= eta * g
            for j in x:
                w[j] -= eta * (g + p.l2 * w[j])
    return b, {g: w[i] for g, i in vocab.items() if abs(w[i]) >= p.prune}


def probs(bias: float, weights: dict[str, float], d: DocData) -> list[float]:
    return [_sigmoid(bias + sum(weights.get(g, 0.0) for g in f)) for f in d.feats]


def score_set(s: SetData, ps: list[list[float]], th: dict[str, float], scorer: ModuleType) -> Score:
    """The scorer's matching over ``s`` with the claims under their kind's threshold dropped."""
    out = Score()
    for d, pr in zip(s.docs, ps, strict=True):
        kept = [c for c, x in zip(d.preds, pr, strict=True) if x >= th.get(str(c["kind"]), 0.0)]
        tally(out, d.path, d.gold, d.ignore, kept, scorer)
    return out


def choose(
    sets: list[SetData], folds: list[list[list[float]]], kinds: list[str], scorer: ModuleType
) -> dict[str, float]:
    """Per kind, the threshold (or none) giving the best mean held-out F1, the others held fixed
    (two passes over the kinds; a tie keeps the smaller threshold, none the smallest of all)."""
    th: dict[str, float] = {}

    def mean_f1(t: dict[str, float]) -> float:
        return sum(score_set(s, f, t, scorer).prf()[2] for s, f in zip(sets, folds, strict=True)) / len(sets)

    for _ in range(2):
        for k in kinds:
            best, best_t = mean_f1({**th, k: 0.0}), 0.0
            for t in GRID:
                m = mean_f1({**th, k: t})
                if m > best + 1e-9:
                    best, best_t = m, t
            if best_t:
                th[k] = best_t
            else:
                th.pop(k, None)
    return th


def cross_validate(sets: list[SetData], p: Params, scorer: ModuleType) -> tuple[list[str], dict[str, float]]:
    """Leave one set out: each set scored by a model fitted on the others; thresholds chosen on
    those held-out scores; F1 per set and per kind before -> after."""
    folds = []
    for held in sets:
        b, w = fit([s for s in sets if s is not held], p)
        folds.append([probs(b, w, d) for d in held.docs])
    kinds = p.kinds.split(",")
    th = choose(sets, folds, kinds, scorer)
    rows = [f"thresholds chosen: {th or 'none (the verifier drops nothing)'}"]
    rows.append(
        f"{'held out':<12}{'docs':>5}{'F1 before':>10}{'after':>8}{'P':>7}{'R':>7}{'dropped':>8}{'wrong':>7}"
    )
    tot_b, tot_a = Score(), Score()
    fb, fa = [], []
    for s, f in zip(sets, folds, strict=True):
        before, after = score_set(s, f, {}, scorer), score_set(s, f, th, scorer)
        for a, x in ((tot_b, before), (tot_a, after)):
            for c in ("tp", "fp", "fn", "dup"):
                getattr(a, c).update(getattr(x, c))
        fb.append(before.prf()[2])
        fa.append(after.prf()[2])
        rows.append(f"{s.name:<12}{len(s.docs):>5}{fb[-1]:>10.3f}{fa[-1]:>8.3f}" + _tail(before, after))
    rows.append(
        f"{'all (micro)':<12}{'':>5}{tot_b.prf()[2]:>10.3f}{tot_a.prf()[2]:>8.3f}" + _tail(tot_b, tot_a)
    )
    rows.append(f"{'mean of sets':<12}{'':>5}{sum(fb) / len(fb):>10.3f}{sum(fa) / len(fa):>8.3f}")
    rows.append("per kind, all held-out sets (P/R/F1 before -> after):")
    for k in SCORED:
        if tot_b.tp[k] + tot_b.fp[k] + tot_b.fn[k]:
            b_, a_ = tot_b.prf(k), tot_a.prf(k)
            rows.append(
                f"  {k:<13}{b_[0]:.2f}/{b_[1]:.2f}/{b_[2]:.3f} -> {a_[0]:.2f}/{a_[1]:.2f}/{a_[2]:.3f}"
                f"  (tp {tot_b.tp[k]}->{tot_a.tp[k]}, fp {tot_b.fp[k]}->{tot_a.fp[k]})"
            )
    return rows, th


def _tail(before: Score, after: Score) -> str:
    dtp = sum(before.tp.values()) - sum(after.tp.values())
    dfp = sum(before.fp.values()) - sum(after.fp.values())
    p, r, _ = after.prf()
    return f"{p:>7.3f}{r:>7.3f}{dtp + dfp:>8}{dfp:>7}"


def dump(model: VerifyModel) -> str:
    """The weights file: settings and provenance first, then one feature a line (sorted)."""
    data = model.to_json()
    weights = data.pop("weights")
    head = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    lines = [f"{json.dumps(g, ensure_ascii=False)}: {json.dumps(w)}" for g, w in weights.items()]
    return head[:-2] + ',\n "weights": {\n' + ",\n".join(lines) + "\n }\n}\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Train (or cross-validate) the claim verifier.")
    ap.add_argument("gold", nargs="+", type=Path, help="gold files to learn from (readable sets only)")
    ap.add_argument("--out", type=Path, default=WEIGHTS, help="where to write the weights")
    ap.add_argument("--cv", action="store_true", help="print the cross-validation only; write nothing")
    for name, val in vars(Params()).items():
        ap.add_argument(f"--{name.replace('_', '-')}", type=type(val), default=val)
    a = ap.parse_args(argv)
    p = Params(**{k: getattr(a, k) for k in vars(Params())})
    missing = [str(g) for g in a.gold if not g.is_file()]
    if missing:
        print(f"error: no such gold file: {', '.join(missing)}", file=sys.stderr)
        return 2
    scorer = load_scorer()
    ext = Extractor(EXTRACTOR_VERSION)
    sets = [read_set(g, ext, scorer) for g in a.gold]
    for s in sets:
        labels = Counter(y for d in s.docs for y in d.labels)
        print(
            f"{s.name}: {len(s.docs)} documents, {labels[1]} right, {labels[0]} wrong claims", file=sys.stderr
        )
    rows, th = cross_validate(sets, p, scorer)
    print("\n".join(rows))
    if a.cv:
        return 0
    b, w = fit(sets, p)
    meta = {
        "trainer_version": TRAINER_VERSION,
        "extractor_version": EXTRACTOR_VERSION,
        "trained_on": [
            {"set": s.name, "documents": len(s.docs), "claims": sum(len(d.preds) for d in s.docs)}
            for s in sets
        ],
        "params": dict(vars(p)),
    }
    model = VerifyModel(b, w, th, meta)
    a.out.write_text(dump(model), encoding="utf-8")
    print(f"wrote {a.out}: {len(w)} features, thresholds {th}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
