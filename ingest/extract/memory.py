"""How much GPU memory a model needs to run (open models run on one's own card).

A review of an open model says what card it takes: 仅需8.19GB显存, runs in 6GB of VRAM, 显存需求
低至14GB. That is a capability, the model runs on a card that small; a need above what a consumer
card holds (通常需要45GB以上显存, requires 80GB of VRAM) is a limitation. One claim per amount,
quoted by its clause, the amount as the claim's ``feature``.
"""

from __future__ import annotations

import re

from ingest.extract.lexicon import Lexicon
from ingest.extract.section import Draft, SectionView

_UNIT = r"(?:gb|g|个g)(?![a-z])"
_NOUN = r"(?:显存|vram|gpu memory|video memory|of vram|of gpu memory)"
# 8GB显存, 6GB以上显存, 24 gb of vram | 显存需求低至14GB, vram: 12 gb, 显存仅需6G
_MEMORY = re.compile(
    # (each optional part opens with its own spaces, so that a run of spaces is not split many ways)
    rf"(?P<a>(?P<n>\d{{1,3}}(?:\.\d{{1,2}})?)\s*{_UNIT}(?:\s*\+)?(?:\s*(?:以上|及以上|左右|以内))?(?:\s*的)?\s*{_NOUN})"
    rf"|(?P<b>(?:显存|vram)[^，。,;；\d\n]{{0,10}}?(?:需求|要求|占用|消耗|usage|requirement|需要?|要)"
    rf"(?:[:：]|为|是|仅|只|低至|最低|最少|至少|约|大约|通常|需要?|要|of|\s)*"
    rf"(?P<n2>\d{{1,3}}(?:\.\d{{1,2}})?)\s*{_UNIT}\+?(?:以上|及以上|左右)?)"
    # in a text about VRAM: "the 14B model needs 24GB or more"
    rf"|(?P<c>(?:needs?|requires?|需要?|要求)\s*(?:at least\s*)?(?P<n3>\d{{1,3}})\s*{_UNIT}"
    r"\s*(?:or more|\+|以上))"
)
# a need told as a minimum (24GB+, 16GB以上, 24GB or more, at least 16GB): a requirement
_MINIMUM = re.compile(r"\+|以上|or more|at least|至少|最少(?!只)")
_MINIMUM_GB = 16.0
_OTHER_STORE = re.compile(
    r"\s*(?:的\s*)?(?:硬盘|磁盘|存储|内存|空间|of (?:disk|storage|system ram|ram)|disk|storage)"
)
_MEMORY_WORD = re.compile(rf"{_NOUN}|显卡|\bgpus?\b|\bcards?\b")
# what makes an amount of memory a need, not the card someone has (拥有多块24GB显存GPU的用户,
# RTX 3090显卡(24GB显存)): a word of needing or running before it, or of running after it
_NEED_BEFORE = re.compile(
    r"(?:需要|需|要求|占用|消耗|低至|仅|只|最低|最少|至少|就能|即可|可在|能在|运行|跑|"
    r"requires?|needs?|runs? (?:in|on)|fits? (?:in|on)|uses?|using|with only|as little as)"
    r"[^，。,;；\n]{0,10}$"
)
_NEED_AFTER = re.compile(r"[^，。,;；\n]{0,6}?(?:就能|即可|可以|便可|能)?(?:运行|跑|部署|生成|run\b|running)")
# before the amount in its clause: how little it needs (a capability whatever the amount)
_LITTLE = re.compile(
    r"(?:仅|只|低至|最低|最少只|就能|即可|消费级|as little as|only|just|as low as|down to|consumer)"
    r"[^，,。；;]{0,12}$"
)
# a card that large is out of a consumer's reach: needing it is a limit
_CONSUMER_GB = 24.0


class MemoryRules:
    """Capabilities and limitations from the GPU memory a review says a model needs."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    @staticmethod
    def find(view: SectionView) -> dict[int, list[re.Match[str]]]:
        """The memory amounts of each sentence that states one."""
        text = view.cue_text
        if "显存" not in text and "vram" not in text and "memory" not in text:
            return {}
        out: dict[int, list[re.Match[str]]] = {}
        for m in _MEMORY.finditer(text):
            sid = view.sentence_index(m.start())
            if sid is not None and not view.sentences[sid].prompt:
                out.setdefault(sid, []).append(m)
        return out

    def claims(self, view: SectionView, sid: int, found: list[re.Match[str]]) -> list[Draft]:
        text = view.cue_text
        sent = view.sentences[sid]
        out: list[Draft] = []
        for m in found:
            clause = next((c for c in sent.clauses if c.start <= m.start() < c.end), None)
            lo, hi = (clause.start, clause.end) if clause else (sent.start, sent.end)
            subj = view.subject(sid, lo, hi, m.start())
            if subj is None:
                continue
            if not (
                m.group("b")
                or (
                    m.group("c")  # in a sentence about VRAM, and not 50G以上的硬盘空间, 32GB or more of RAM
                    and _MEMORY_WORD.search(text, sent.start, sent.end)
                    and not _OTHER_STORE.match(text, m.end())
                )
                or _NEED_BEFORE.search(text, lo, m.start())
                or _NEED_AFTER.match(text, m.end(), hi)
            ):
                continue  # the card someone has, no need of the model's
            amount = float(m.group("n") or m.group("n2") or m.group("n3"))
            little = _LITTLE.search(text, lo, m.start()) or _LITTLE.search(text, lo, m.end())
            # (a large card asked for as a minimum, 需 16GB+ 显存, is a limit a consumer's card may miss)
            needed = amount >= _MINIMUM_GB and _MINIMUM.search(text, max(lo, m.start() - 10), m.end())
            kind = "capability" if little or (amount <= _CONSUMER_GB and not needed) else "limitation"
            conf = float(self.lex.confidence(kind))
            if not subj.explicit:
                conf *= float(self.lex.confidence("context_model_factor"))
            feature = " ".join(view.text[m.start() : m.end()].split())
            out += [
                Draft(kind, lo, max(hi, m.end()), name, tier, "memory", round(conf, 3), {"feature": feature})
                for name, tier in zip(subj.models, subj.tiers, strict=False)
            ]
        return out
