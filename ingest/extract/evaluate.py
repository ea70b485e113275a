"""Score the extractor on every gold set at once, per claim kind.

``python -m ingest.extract.evaluate`` (or ``scripts/eval-claims``) runs the
extractor in-process over the shared seed and development sets
(``../shared/gold/seeds.json``, ``../shared/gold/dev.json``) and the project's
own regression sets (``tests/gold/``), and prints one per-kind table per set
and a summary line each. Matching is the shared scorer's own
(``../shared/tools/score_claims.py``, loaded from there, never copied), so the
figures equal what ``score_claims.py --cmd "python -m ingest extract"`` prints.
Extra gold files given on the command line are scored the same way.

The project's own sets were written alongside the rules they score: they are a
regression check, not a measure of quality. The development set (real reviews)
is the quality figure.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from ingest.extract import extract_document
from ingest.offline import documents_from_path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SCORER = SHARED / "tools" / "score_claims.py"
SCORED = ("price", "price_change", "credit_rate", "speed", "capability", "limitation", "strength", "bug")
DEFAULT_SETS: tuple[tuple[str, Path, str], ...] = (
    ("seeds", SHARED / "gold" / "seeds.json", "shared"),
    ("dev", SHARED / "gold" / "dev.json", "shared: the quality figure"),
    ("own gold", REPO / "tests" / "gold" / "gold.json", "regression set, not a measure"),
    ("own heldout", REPO / "tests" / "gold" / "heldout" / "heldout.json", "regression set, not a measure"),
)


def load_scorer(path: Path = SCORER) -> ModuleType:
    """The shared scorer as a module (its ``matches`` and ``norm_text``)."""
    if not path.is_file():
        raise FileNotFoundError(f"{path}: the shared scorer is not beside the repo")
    spec = importlib.util.spec_from_file_location("score_claims", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"{path}: cannot load the scorer")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@dataclass
class Score:
    """tp / fp / fn / dup per kind over one gold file, and the misses."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    dup: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def prf(self, kind: str | None = None) -> tuple[float, float, float]:
        if kind is None:
            t, f, n = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        else:
            t, f, n = self.tp[kind], self.fp[kind], self.fn[kind]
        p = t / (t + f) if t + f else 0.0
        r = t / (t + n) if t + n else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def table(self) -> list[str]:
        rows = [f"{'kind':<13}{'tp':>5}{'fp':>5}{'fn':>5}{'dup':>5}{'P':>7}{'R':>7}{'F1':>7}"]
        for k in SCORED:
            if self.tp[k] + self.fp[k] + self.fn[k] + self.dup[k]:
                rows.append(
                    f"{k:<13}{self.tp[k]:>5}{self.fp[k]:>5}{self.fn[k]:>5}{self.dup[k]:>5}"
                    + "".join(f"{v:>7.2f}" for v in self.prf(k))
                )
        p, r, f = self.prf()
        rows.append(
            f"overall F1 {f:.3f} (P {p:.3f} R {r:.3f}; tp {sum(self.tp.values())} fp {sum(self.fp.values())}"
            f" fn {sum(self.fn.values())} dup {sum(self.dup.values())})"
        )
        return rows


def predictions(path: Path) -> list[dict[str, object]]:
    """Scored-kind claims of one file, as the ``extract --format jsonl`` command prints them."""
    out: list[dict[str, object]] = []
    for doc in documents_from_path(path):
        out += [c.model_dump(mode="json") for c in extract_document(doc, str(path)) if c.kind in SCORED]
    return out


def score_file(gold_path: Path, scorer: ModuleType | None = None) -> Score:
    """Score the extractor on one gold file with the shared scorer's matching rules."""
    scorer = scorer or load_scorer()
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    s = Score()
    for doc in gold["documents"]:
        preds = predictions(gold_path.parent / doc["path"])
        tally(s, doc["path"], doc["claims"], doc.get("ignore", []), preds, scorer)
    return s


def tally(
    s: Score,
    where: str,
    gold: list[dict[str, Any]],
    ignore: list[str],
    preds: list[dict[str, Any]],
    scorer: ModuleType,
) -> None:
    """Add one document's predictions to ``s``, matched to its gold claims as the shared scorer does."""
    ignored = [scorer.norm_text(i) for i in ignore]
    claimed = [False] * len(gold)
    for p in preds:
        kind = str(p["kind"])
        hit = [i for i, g in enumerate(gold) if scorer.matches(g, p)]
        free = [i for i in hit if not claimed[i]]
        if free:
            claimed[free[0]] = True
            s.tp[kind] += 1
        elif hit:
            s.dup[kind] += 1
        elif not any(i and i in scorer.norm_text(p.get("quote")) for i in ignored):
            s.fp[kind] += 1
            s.misses.append(f"FP {where}: {kind} {p['model']} | {p['quote']}")
    for g, ok in zip(gold, claimed, strict=True):
        if not ok:
            s.fn[g["kind"]] += 1
            s.misses.append(f"FN {where}: {json.dumps(g, ensure_ascii=False)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Per-kind precision, recall and F1 on every gold set.")
    ap.add_argument("gold", nargs="*", type=Path, help="more gold files to score (same format)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    a = ap.parse_args(argv)
    try:
        scorer = load_scorer()
    except (FileNotFoundError, ImportError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    sets = [(n, p, note) for n, p, note in DEFAULT_SETS if p.is_file()]
    sets += [(p.stem, p, "given") for p in a.gold]
    summary: list[str] = []
    for name, path, note in sets:
        s = score_file(path, scorer)
        print(f"== {name} ({note}): {path}")
        print("\n".join(s.table()))
        if a.verbose:
            print("\n".join("  " + m for m in s.misses))
        p, r, f = s.prf()
        price_p = s.prf("price")[0] if s.tp["price"] + s.fp["price"] else float("nan")
        summary.append(f"{name:<13} F1 {f:.3f}  P {p:.3f}  R {r:.3f}  price P {price_p:.2f}  ({note})")
        print()
    print("\n".join(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
