"""The cue lexicon (``ingest/data/lexicon.yml``) loaded once and compiled to regexes.

Users extend the extractor by editing the YAML: every word list becomes one
alternation, longest entries first, English entries bounded as whole words.
Lists scanned over whole texts (cue words, model names, number prefixes) go
through ``WordScanner`` (``word_scan.py``: one Aho-Corasick pass, the same matches).
The YAML is read without booleans or nulls, so words such as "no", "off" or
"~" stay words.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ingest.extract.word_regex import alt, ranked_alt
from ingest.extract.word_scan import WordScanner
from ingest.extract.words_yaml import DATA_DIR, read_words

log = logging.getLogger(__name__)

LEXICON_PATH = DATA_DIR / "lexicon.yml"
# cue kinds in the order that decides a clause holding cues of several kinds
CUE_PRIORITY = ("limitation", "capability", "bug", "strength")
FLIP = {"strength": "bug", "bug": "strength", "capability": "limitation", "limitation": "capability"}


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
        return _confidence_table(self).get(rule, 0.6)


@lru_cache(maxsize=4)
def _confidence_table(lex: Lexicon) -> dict[str, float]:
    return {k: float(v) for k, v in lex.mapping("settings", "confidence").items()}


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Read the lexicon YAML (the packaged one unless ``path`` is given)."""
    p = Path(path) if path else LEXICON_PATH
    raw = read_words(p.read_text(encoding="utf-8")) or {}
    if not isinstance(raw, dict):
        raise ValueError(f"{p}: the lexicon must be a mapping")
    log.debug("lexicon %s loaded (%d sections)", p, len(raw))
    return Lexicon(raw)


@dataclass(frozen=True)
class CueSet:
    """The opinion-cue scanner: one trie of every cue word, plus the few regex patterns.

    ``roles`` says how each word reads: ``stop`` (looks like a cue, is not),
    ``neg`` (不太: turns the quality word after it into a flaw), ``deg`` (更/very:
    a quality word after it is a cue), ``pos`` / ``bad`` (quality words that need
    one of those), ``generic`` (问题: a flaw unless negated) or a cue kind
    (a phrase that is a cue on its own).
    """

    tokens: WordScanner
    roles: dict[str, tuple[str, ...]]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (cue kind, pattern), each compiled on its own
    links: frozenset[str]
    negator_re: re.Pattern[str]  # group ``fix`` (the flaw is absent: 不会, 没有) or ``neg`` (cancels: 避免)
    negator_scan: re.Pattern[str]  # where ``negator_re`` matches, as one trie ``re`` skips ahead on

    def negators(self, text: str, pos: int, endpos: int) -> list[re.Match[str]]:
        """``negator_re.finditer(text, pos, endpos)``: each place the scan finds, matched again for
        its group."""
        out = []
        for m in self.negator_scan.finditer(text, pos, endpos):
            hit = self.negator_re.match(text, m.start(), endpos)
            if hit is not None:
                out.append(hit)
        return out


_ROLE_ORDER = ("stop", *CUE_PRIORITY, "generic", "neg", "deg", "pos", "bad")


@lru_cache(maxsize=4)
def cue_set(lex: Lexicon) -> CueSet:
    """Compile the cue scanner from the lexicon."""
    sources: dict[str, list[str]] = {
        "stop": lex.words("cues", "stop"),
        "generic": lex.words("cues", "bug", "generic"),
        "neg": lex.words("negation", "immediate"),
        "deg": lex.words("degree"),
        "pos": lex.words("cues", "strength", "adjectives"),
        "bad": lex.words("cues", "bug", "adjectives"),
    }
    for kind in CUE_PRIORITY:
        sources[kind] = lex.words("cues", kind, "phrases")
    roles: dict[str, list[str]] = {}
    for role in _ROLE_ORDER:
        for w in sources[role]:
            roles.setdefault(" ".join(w.split()), []).append(role)
    # one regex per pattern: ``re`` skips ahead on a pattern's own first characters, which an
    # alternation of named groups would hide (several times slower on long texts)
    patterns = tuple(
        (kind, re.compile(p)) for kind in CUE_PRIORITY for p in lex.words("cues", kind, "patterns")
    )
    groups = [lex.words("negation", key) for key in ("not_negators", "fixes", "window")]
    not_neg, fixes, window = (alt(words) for words in groups)
    negator_re = rf"(?:{not_neg})|(?P<fix>{fixes})|(?P<neg>{window})"
    return CueSet(
        tokens=WordScanner(roles),
        roles={w: tuple(r) for w, r in roles.items()},
        patterns=patterns,
        links=frozenset(lex.words("degree_links") + [" "]),
        negator_re=re.compile(negator_re),
        negator_scan=re.compile(ranked_alt(groups) or negator_re),
    )
