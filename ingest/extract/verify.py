"""A learned verifier: scores each claim the rules emit and drops those it doubts.

On reviews nobody writing the rules has read, about a third of the rules' claims are wrong
(the wrong model, the wrong kind, a lead-in read as an opinion). This module scores every
claim with one logistic regression over what the claim and its surroundings show: its kind,
the rule that made it (``rules/N:cue`` -> ``cue``), its confidence, character 2–3-grams of its
quote and of the text around it, whether the quote names the claimed model, how many models
the rules claimed over the same text, the line's mark (heading, list item, table row), the
quote's length and place in the document. A claim of a pruned kind scoring under the
threshold is dropped; nothing is ever added or changed. ``train_verify.py`` fits it from gold
files (labels by the shared scorer's matching) and chooses the threshold and the pruned kinds
by leave-one-set-out cross-validation. Price claims are never pruned unless the weights file
says so (cross-validation must show it is safe).

``PINGCE_VERIFY`` names another weights file (the cross-validation harness uses it), or
``off``/``on`` to switch the layer regardless of ``ENABLED``.
"""

from __future__ import annotations

import json
import logging
import re
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ingest.extract.learned import _logit, _sigmoid, configured_path
from ingest.extract.lexicon import DATA_DIR
from schemas.claim import Claim

log = logging.getLogger(__name__)

#: bumped whenever the features change (weights trained for other features are refused)
FEATURES_VERSION = 1
#: is the layer on when no environment variable says otherwise (see the README's figures)
ENABLED = False
WEIGHTS = DATA_DIR / "verifier.json"
ENV = "PINGCE_VERIFY"

_WORD = re.compile(r"[a-z][a-z'\-]+")
_ALNUM = re.compile(r"[a-z]{2,}|\d+(?:\.\d+)?")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_AROUND = 30  # characters of context either side of the quote, within its line


def _bucket(n: float, edges: tuple[float, ...]) -> int:
    return sum(n > e for e in edges)


def _ngrams(prefix: str, s: str) -> list[str]:
    out = [prefix + s[i : i + 2] for i in range(len(s) - 1)]
    out += [prefix + s[i : i + 3] for i in range(len(s) - 2)]
    out += [f"{prefix}w{zlib.crc32(w.encode()) & 0xFFFFF:x}" for w in _WORD.findall(s)]
    return out


def names_model(quote: str, model: str | None) -> bool:
    """Does ``quote`` name ``model`` (any word or version number of its name, loosely)?"""
    if not model:
        return False
    q = quote.lower().replace(" ", "")
    return any(tok in q for tok in _ALNUM.findall(model.lower()) if len(tok) >= 2 or tok.isdigit())


def line_mark(text: str, start: int) -> str:
    """How the line holding offset ``start`` opens: "#", "-" (list item), "|" (table row) or ""."""
    ls = text.rfind("\n", 0, start) + 1
    head = text[ls : start + 1].lstrip(" \t>")[:1]
    if head in ("#", "|"):
        return head
    if head in ("-", "*", "•", "·") or head.isdigit():
        return "-"
    return ""


def claim_features(c: Claim, text: str, models_over: int, same_span: int) -> list[str]:
    """The features of claim ``c`` in its section ``text`` (duplicates removed, order kept).

    ``models_over``: distinct models the rules claimed over text overlapping the quote;
    ``same_span``: claims of the same kind over exactly this quote (one per model or feature).
    """
    k = c.kind
    rule = c.method.split(":", 1)[1] if ":" in c.method else c.method.split("/", 1)[0]
    q = c.quote.lower()
    out = ["k:" + k, "r:" + rule, f"kr:{k}|{rule}", f"kc:{k}|{int(c.confidence * 10)}"]
    out.append(f"ks:{k}|{c.section}")
    named = names_model(c.quote, c.model)
    out.append(f"kn:{k}|{int(named)}")
    out.append(f"km:{k}|{min(models_over, 3)}")
    out.append(f"kd:{k}|{min(same_span, 3)}")
    out.append(f"kl:{k}|{line_mark(text, c.start)}")
    out.append(f"kq:{k}|{_bucket(len(c.quote), (8, 16, 32, 64, 128))}")
    out.append(f"kp:{k}|{_bucket(c.start / max(len(text), 1), (0.1, 0.5, 0.9))}")
    cjk = len(_CJK.findall(c.quote))
    out.append(f"kz:{k}|" + ("zh" if cjk * 2 >= len(c.quote) else "en" if cjk == 0 else "mix"))
    out.append(f"kt:{k}|{int(bool(c.tier))}|{int(bool(c.feature))}")
    out += _ngrams("q", q)
    ls = max(text.rfind("\n", 0, c.start) + 1, c.start - _AROUND)
    le = text.find("\n", c.end)
    le = min(len(text) if le < 0 else le, c.end + _AROUND)
    around = (text[ls : c.start] + "|" + text[c.end : le]).lower()
    out += _ngrams("x", around)
    return list(dict.fromkeys(out))


def features_of(claims: list[Claim], texts: dict[str, str]) -> list[list[str]]:
    """Each claim's features; ``texts`` maps a section name to its text (quotes index into it)."""
    by_sec: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_sec[c.section].append(c)
    span_count: dict[tuple[str, str, int, int], int] = defaultdict(int)
    for c in claims:
        span_count[(c.section, c.kind, c.start, c.end)] += 1
    out: list[list[str]] = []
    for c in claims:
        over = {o.model for o in by_sec[c.section] if o.start < c.end and c.start < o.end}
        text = texts.get(c.section, "")
        out.append(claim_features(c, text, len(over), span_count[(c.section, c.kind, c.start, c.end)]))
    return out


@dataclass
class VerifyModel:
    """One logistic regression over claim features; a claim whose kind has a threshold goes when
    it scores under it (kinds without one, prices among them by default, are never pruned)."""

    bias: float
    weights: dict[str, float]
    thresholds: dict[str, float]
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._floors = {k: _logit(t) for k, t in self.thresholds.items()}

    def margin(self, feats: list[str]) -> float:
        w = self.weights
        return self.bias + sum(w.get(f, 0.0) for f in feats)

    def prob(self, feats: list[str]) -> float:
        return _sigmoid(self.margin(feats))

    def keep(self, claims: list[Claim], texts: dict[str, str]) -> list[Claim]:
        """``claims`` without those of a pruned kind the model scores under the threshold."""
        floors = self._floors
        if not any(c.kind in floors for c in claims):
            return claims
        feats = features_of(claims, texts)
        return [
            c
            for c, f in zip(claims, feats, strict=True)
            if c.kind not in floors or self.margin(f) >= floors[c.kind]
        ]

    def to_json(self) -> dict[str, Any]:
        return {
            "features_version": FEATURES_VERSION,
            "bias": round(self.bias, 5),
            "thresholds": dict(sorted(self.thresholds.items())),
            **self.meta,
            "weights": {g: round(x, 4) for g, x in sorted(self.weights.items())},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> VerifyModel:
        if data.get("features_version") != FEATURES_VERSION:
            raise ValueError(
                f"weights for features version {data.get('features_version')},"
                f" this code reads {FEATURES_VERSION}"
            )
        meta = {k: v for k, v in data.items() if k not in ("bias", "thresholds", "weights")}
        return cls(
            float(data["bias"]),
            {g: float(x) for g, x in data["weights"].items()},
            {k: float(t) for k, t in data["thresholds"].items()},
            meta,
        )

    @classmethod
    def load(cls, path: Path) -> VerifyModel:
        return cls.from_json(json.loads(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=4)
def _load(path: str) -> VerifyModel:
    return VerifyModel.load(Path(path))


def configured_verifier() -> VerifyModel | None:
    """The verifier extraction uses: ``$PINGCE_VERIFY`` (a file, ``on`` or ``off``), else the
    shipped weights when ``ENABLED``; None when the layer is off or its weights are missing."""
    path = configured_path(ENV, WEIGHTS, ENABLED)
    if path is None:
        return None
    try:
        return _load(str(path))
    except (OSError, ValueError, KeyError) as exc:
        log.warning("verifier off: %s: %s", path, exc)
        return None
