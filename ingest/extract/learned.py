"""A learned clause classifier for the text kinds (capability, limitation, strength, bug).

The rules find opinions and features through cue words; on reviews nobody writing
the rules has read, most misses are claims with no cue the lexicon knows. This
module scores every clause of the body (as ``Splitter`` cuts it) with a small
linear model per kind over character 1–3-grams, English words and a few
structural features (a digit with a spec unit, a negator, a contrast opener, a
model named in the clause, the clause's length and script). ``train.py`` fits
it from gold files; the weights live in ``ingest/data/learned_kinds.json``
(short n-grams and numbers only).

A clause whose best kind's probability passes that kind's threshold becomes a
claim (method ``learned-kinds/N``), its model from the same attribution the
rules use (``SectionView.subject``), its quote the verbatim clause. It is kept
only where no rule claim of a text kind covers any of its text: the learned
layer fills gaps, it never overrides a rule. Prices, speeds, price changes and
credit rates are never touched.

``PINGCE_LEARNED_KINDS`` names another weights file (the cross-validation harness
uses it), or ``off``/``on`` to switch the layer regardless of ``ENABLED``.
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ingest.extract.lexicon import DATA_DIR
from ingest.extract.section import Draft, SectionView
from ingest.extract.sentences import Clause
from schemas.claim import Claim

log = logging.getLogger(__name__)

KINDS = ("capability", "limitation", "strength", "bug")
TEXT_KINDS = frozenset(KINDS)
#: bumped whenever the features change (weights trained for other features are refused)
FEATURES_VERSION = 2
#: is the layer on when no environment variable says otherwise (see the README's figures)
ENABLED = False
WEIGHTS = DATA_DIR / "learned_kinds.json"
ENV = "PINGCE_LEARNED_KINDS"

_WORD = re.compile(r"[a-z][a-z'\-]+")
_SPEC = re.compile(
    r"\d\s*(?:秒|s\b|sec|seconds?|fps|帧|p\b|k\b|分钟|min|minutes?|:\d|比\d)|\d+\s*[x×*]\s*\d+|4k|1080|720"
)
_NEG = re.compile(r"不|没|无法|无|未|难以|别|can't|cannot|not\b|no\b|doesn't|don't|unable|lack|without")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"\d")


def clause_features(
    text: str, clause: Clause | None = None, named: bool = False, line: str = "", cues: tuple[str, ...] = ()
) -> list[str]:
    """The features of one clause's normalised ``text`` (duplicates removed, order kept).

    ``named``: a model is named in the clause; ``line``: how its line starts ("#" heading,
    "-" list item, "|" table row) or ""; ``cues``: the kinds of the lexicon's cues in it.
    """
    s = text.strip()
    out: list[str] = list(s)
    out += [s[i : i + 2] for i in range(len(s) - 1)]
    out += [s[i : i + 3] for i in range(len(s) - 2)]
    # English words as hashed ids (the weights file holds no words longer than a trigram)
    out += [f"w{zlib.crc32(w.encode()) & 0xFFFFF:x}" for w in _WORD.findall(s)]
    n = len(s)
    out.append("#len" + ("1" if n <= 6 else "2" if n <= 12 else "3" if n <= 24 else "4" if n <= 48 else "5"))
    cjk = len(_CJK.findall(s))
    out.append("#zh" if cjk * 2 >= n else "#en" if cjk == 0 else "#mix")
    if _DIGIT.search(s):
        out.append("#digit")
        if _SPEC.search(s):
            out.append("#spec")
    if _NEG.search(s):
        out.append("#neg")
    if clause is not None:
        if clause.contrast:
            out.append("#contrast")
        if clause.additive:
            out.append("#additive")
    if named:
        out.append("#named")
    if line:
        out.append("#line" + line)
    out += ["#cue:" + k for k in cues]
    return list(dict.fromkeys(out))


def line_mark(view: SectionView, sid: int) -> str:
    """How sentence ``sid``'s line opens: "#" (heading), "-" (list item), "|" (table row) or ""."""
    sent = view.sentences[sid]
    norm = view.norm
    ls = norm.rfind("\n", 0, sent.start) + 1
    head = norm[ls : sent.start + 1].lstrip(" \t>")[:1]
    if head in ("#", "|"):
        return head
    if head in ("-", "*", "•", "·") or head.isdigit():
        return "-"
    return ""


@dataclass
class KindModel:
    """Weights of one linear model per kind; ``probs`` gives each kind's probability for a clause."""

    kinds: tuple[str, ...]
    bias: list[float]
    weights: dict[str, list[float]]
    thresholds: dict[str, float]
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._rows = {g: tuple(w) for g, w in self.weights.items()}
        # each kind's threshold as a margin (the logit of the probability), so ``best`` needs no sigmoid
        # but for the winner; a threshold above 1 is a kind never claimed
        self._floors = [_logit(self.thresholds.get(k, 1.1)) for k in self.kinds]

    def margins(self, feats: list[str]) -> list[float]:
        rows = list(filter(None, map(self._rows.get, feats)))  # the known features' weight rows
        if not rows:
            return list(self.bias)
        totals = [sum(column, 0.0) for column in zip(*rows, strict=True)]  # typed float for mypyc
        return [b + s for b, s in zip(self.bias, totals, strict=True)]

    def probs(self, feats: list[str]) -> list[float]:
        return [_sigmoid(m) for m in self.margins(feats)]

    def best(self, feats: list[str]) -> tuple[str, float] | None:
        """The most probable kind, with its probability, when it passes its threshold."""
        ms = self.margins(feats)
        i = max(range(len(ms)), key=ms.__getitem__)
        if ms[i] < self._floors[i]:
            return None
        return self.kinds[i], _sigmoid(ms[i])

    def to_json(self) -> dict[str, Any]:
        return {
            "features_version": FEATURES_VERSION,
            "kinds": list(self.kinds),
            "bias": [round(b, 5) for b in self.bias],
            "thresholds": self.thresholds,
            **self.meta,
            "weights": {g: [round(x, 4) for x in w] for g, w in sorted(self.weights.items())},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KindModel:
        if data.get("features_version") != FEATURES_VERSION:
            raise ValueError(
                f"weights for features version {data.get('features_version')},"
                f" this code reads {FEATURES_VERSION}"
            )
        meta = {k: v for k, v in data.items() if k not in ("kinds", "bias", "thresholds", "weights")}
        return cls(
            tuple(data["kinds"]),
            [float(b) for b in data["bias"]],
            {g: [float(x) for x in w] for g, w in data["weights"].items()},
            {k: float(v) for k, v in data["thresholds"].items()},
            meta,
        )

    @classmethod
    def load(cls, path: Path) -> KindModel:
        return cls.from_json(json.loads(path.read_text(encoding="utf-8")))


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def _logit(p: float) -> float:
    if p >= 1:
        return math.inf
    if p <= 0:
        return -math.inf
    return math.log(p / (1 - p))


@lru_cache(maxsize=4)
def _load(path: str) -> KindModel:
    return KindModel.load(Path(path))


def configured_path(env_name: str, weights: Path, enabled: bool) -> Path | None:
    """Which weights a learned layer uses: ``$env_name`` (a file, ``on`` or ``off``), else ``weights``
    when ``enabled``; None when the layer is off."""
    env = os.environ.get(env_name, "").strip()
    if env.lower() in ("off", "0", "no"):
        return None
    if env and env.lower() not in ("on", "1", "yes"):
        return Path(env)
    return weights if env or enabled else None


def configured_model() -> KindModel | None:
    """The model extraction uses: ``$PINGCE_LEARNED_KINDS`` (a file, ``on`` or ``off``), else the
    shipped weights when ``ENABLED``; None when the layer is off or its weights are missing."""
    path = configured_path(ENV, WEIGHTS, ENABLED)
    if path is None:
        return None
    try:
        return _load(str(path))
    except (OSError, ValueError, KeyError) as exc:
        log.warning("learned kinds off: %s: %s", path, exc)
        return None


@dataclass(slots=True)
class Candidate:
    """One clause as the learned layer saw it: where it is, its features, who it is about."""

    section: str
    start: int
    end: int
    feats: list[str]
    models: list[tuple[str, str | None]]
    explicit: bool


class LearnedKinds:
    """The extractor's hook: ``sentence`` after a sentence is entered (its topic is set), ``keep`` at
    the end. With ``record`` set, every body clause is appended to it and no claim is made (training)."""

    def __init__(self, model: KindModel | None, version: int, record: list[Candidate] | None = None) -> None:
        self.model = model
        self.version = version
        self.record = record

    @property
    def method(self) -> str:
        return f"learned-kinds/{self.version}"

    def sentence(self, view: SectionView, sid: int) -> list[Draft]:
        if view.name != "body":
            return []
        sent = view.sentences[sid]
        clauses = sent.clauses
        if not clauses:
            return []
        text = view.cue_text
        mark = line_mark(view, sid)
        ms = view.mentions[sid]
        out: list[Draft] = []
        for ci, c in enumerate(clauses):
            if c.end - c.start < 2:
                continue
            named = any(c.start <= m.start < c.end and not m.versus for m in ms)
            cues = tuple(sorted({k for _, k in view.cue_hits.get((sid, ci), ())}))
            feats = clause_features(text[c.start : c.end], c, named, mark, cues)
            if self.record is not None:
                subj = view.described_yardstick(sid, c.start) or view.subject(sid, c.start, c.end, c.start)
                models = list(zip(subj.models, subj.tiers, strict=True)) if subj else []
                self.record.append(
                    Candidate(view.name, c.start, c.end, feats, models, bool(subj and subj.explicit))
                )
                continue
            if self.model is None:
                continue
            best = self.model.best(feats)
            if best is None:
                continue
            subj = view.described_yardstick(sid, c.start) or view.subject(sid, c.start, c.end, c.start)
            if subj is None or not subj.models:
                continue
            kind, p = best
            conf = round(p if subj.explicit else p * 0.9, 3)
            for name, tier in zip(subj.models, subj.tiers, strict=True):
                out.append(Draft(kind, c.start, c.end, name, tier, "learned", conf))
        return out


def keep_new(learned: list[Claim], rules: list[Claim]) -> list[Claim]:
    """Learned claims over text no rule claim of a text kind covers (the rules win where both speak)."""
    spans = sorted((c.start, c.end) for c in rules if c.kind in TEXT_KINDS and c.section == "body")
    out: list[Claim] = []
    for c in learned:
        if any(a < c.end and c.start < b for a, b in spans):
            continue
        out.append(c)
    return out
