"""The cue lexicon (``ingest/data/lexicon.yml``) loaded once and compiled to regexes.

Users extend the extractor by editing the YAML: every word list becomes one
alternation, longest entries first, English entries bounded as whole words.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
LEXICON_PATH = DATA_DIR / "lexicon.yml"
NEVER = r"(?!x)x"

# cue kinds in the order that decides a clause holding cues of several kinds
CUE_PRIORITY = ("limitation", "capability", "bug", "strength")
FLIP = {"strength": "bug", "bug": "strength", "capability": "limitation", "limitation": "capability"}


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def alt(words: Iterable[str], bound_start: bool = True, bound_end: bool = True) -> str:
    """Regex alternation of literal ``words``, longest first; ASCII words bounded."""
    parts = []
    for w in sorted({str(x) for x in words if str(x)}, key=lambda s: (-len(s), s)):
        pat = r"\s*".join(re.escape(t) for t in w.split(" "))
        if bound_start and _is_word_char(w[0]):
            pat = r"(?<![a-z0-9])" + pat
        if bound_end and _is_word_char(w[-1]):
            pat += r"(?![a-z])"
        parts.append(pat)
    return "|".join(parts) or NEVER


def _list(node: Any, *keys: str) -> list[str]:
    for key in keys:
        node = node.get(key, {}) if isinstance(node, dict) else {}
    if isinstance(node, dict):
        return [str(k) for k in node]
    return [str(x) for x in (node or [])]


@dataclass(frozen=True, eq=False)
class Lexicon:
    raw: dict[str, Any]

    def words(self, *keys: str) -> list[str]:
        """A word list (or a mapping's keys) at ``keys`` in the YAML."""
        return _list(self.raw, *keys)

    def mapping(self, *keys: str) -> dict[str, Any]:
        node: Any = self.raw
        for key in keys:
            node = node.get(key, {}) if isinstance(node, dict) else {}
        return {str(k): v for k, v in (node or {}).items()} if isinstance(node, dict) else {}

    def alt(self, *keys: str, bound_start: bool = True) -> str:
        return alt(self.words(*keys), bound_start=bound_start)

    def setting(self, name: str, default: Any) -> Any:
        return self.mapping("settings").get(name, default)

    def confidence(self, rule: str) -> float:
        conf = self.mapping("settings", "confidence")
        return float(conf.get(rule, 0.6))


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Read the lexicon YAML (the packaged one unless ``path`` is given)."""
    p = Path(path) if path else LEXICON_PATH
    raw = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    if not isinstance(raw, dict):
        raise ValueError(f"{p}: the lexicon must be a mapping")
    log.debug("lexicon %s loaded (%d sections)", p, len(raw))
    return Lexicon(raw)


@dataclass(frozen=True)
class CueSet:
    """One compiled scanner for every opinion cue, with how to read each hit."""

    regex: re.Pattern[str]
    negator_re: re.Pattern[str]


def _group(name: str, body: str) -> str:
    return f"(?P<{name}>{body})"


@lru_cache(maxsize=4)
def cue_set(lex: Lexicon) -> CueSet:
    """Compile the cue scanner.

    Group names say how a hit reads: ``stop`` (looks like a cue, is not),
    ``negadj`` (不自然: a flaw), ``generic`` (问题: negatable flaw noun),
    ``<kind>`` (a phrase or pattern), ``degpos`` / ``degneg`` (degree + quality
    word) and ``negsuffix`` (假一些).
    """
    deg = lex.alt("degree")
    links = "|".join(re.escape(x) for x in lex.words("degree_links")) or NEVER
    pos = lex.alt("cues", "strength", "adjectives")
    neg = lex.alt("cues", "bug", "adjectives")
    immediate = lex.alt("negation", "immediate")
    groups = [
        _group("stop", lex.alt("cues", "stop")),
        _group("negadj", rf"(?:{immediate})(?:的)?(?:{pos})"),
        _group("degneg", rf"(?:{deg})\s*(?:{links})?\s*(?:{neg})(?:一些|一点|了点)?"),
        _group("negsuffix", rf"(?:{neg})(?:一些|一点|了点|了一些)"),
    ]
    for kind in CUE_PRIORITY:
        pats = [alt(lex.words("cues", kind, "phrases"))]
        pats += [f"(?:{p})" for p in lex.words("cues", kind, "patterns")]
        groups.append(_group(kind, "|".join(pats)))
    groups.append(_group("generic", lex.alt("cues", "bug", "generic")))
    groups.append(_group("degpos", rf"(?:{deg})\s*(?:{links})?\s*(?:{pos})"))
    regex = re.compile("|".join(groups))
    not_neg = lex.alt("negation", "not_negators")
    window = lex.alt("negation", "window")
    negator_re = re.compile(rf"(?:{not_neg})|(?P<neg>{window})")
    return CueSet(regex=regex, negator_re=negator_re)
