"""A company as the subject of a sentence (OpenAI 將它打造成…, 字节这次…, Kuaishou's new model…).

A vendor's name stands for the model of that vendor the document is about, when it is
unambiguous: the document names exactly one brand of that vendor, the name heads its clause
(nothing but a connective before it), and no model is named right after it (OpenAI的Sora 2 names
the model itself). Vendors come from the registry (``vendor: ByteDance (字节跳动)`` gives
bytedance, 字节跳动 and 字节); ``markers.vendor_aliases`` adds names the registry does not spell
(谷歌 for Google).
"""

from __future__ import annotations

import re

from ingest.extract.lexicon import Lexicon, WordScanner
from ingest.extract.mentions import RawMention
from ingest.extract.registry import Registry

_VENDOR = re.compile(r"^\s*(?P<en>[^(（]+?)\s*(?:[(（](?P<zh>[^)）]+)[)）])?\s*$")
_ZH_SUFFIX = re.compile(r"(?:跳动|科技|巴巴|集团|公司)$")
_CLAUSE_MARK = re.compile(r"[，,。；;：:！!？?\n“”\"「」]")
_BRACKETED = re.compile(r"[(（]\s*$")  # Sora 2 (OpenAI): a vendor in brackets glosses a name
_HEAD = re.compile(r"\s*(?:但是|但|而且|而|不过|同时|其中|此外|另外|and|but|then|now|so)?\s*$")
_NAMED_AFTER = 12  # a model named this close after the vendor is the vendor's model itself


class VendorSubjects:
    def __init__(self, reg: Registry, lex: Lexicon) -> None:
        names: dict[str, set[str]] = {}  # vendor word -> brands
        taken = set(reg.alias_brand) | set(reg.alias_model)
        extra = lex.mapping("markers", "vendor_aliases")
        for brand in reg.brands.values():
            words = set(_vendor_words(brand.vendor))
            words |= {str(w).lower() for w, v in extra.items() if str(v).lower() in words}
            for w in words - taken:
                names.setdefault(w, set()).add(brand.name)
        self.brands = names
        self.regex = WordScanner(names) if names else None

    def find(self, clean: str, raws: list[RawMention], named: set[str]) -> tuple[list[RawMention], list[int]]:
        """Vendor names in ``clean`` heading their clause: bare-brand mentions of the one brand of
        theirs the document names (``named``: brands named anywhere in it), and where the others
        start (字节这次… in a text naming two ByteDance brands, or none: about no model it names)."""
        if self.regex is None:
            return [], []
        starts = sorted(r.start for r in raws)
        out: list[RawMention] = []
        nobody: list[int] = []
        for m in self.regex.finditer(clean):
            brands = self.brands[m.group(0)] & named
            if any(r.start < m.end() and m.start() < r.end for r in raws):
                continue
            if _BRACKETED.search(clean, max(0, m.start() - 2), m.start()):
                continue
            if any(m.end() <= s < m.end() + _NAMED_AFTER for s in starts):
                continue
            cuts = [x.end() for x in _CLAUSE_MARK.finditer(clean, max(0, m.start() - 12), m.start())]
            head = clean[cuts[-1] if cuts else max(0, m.start() - 12) : m.start()]
            if not cuts and m.start() > 12:
                continue  # far into its clause: named in passing
            if not _HEAD.fullmatch(head):
                continue
            if len(brands) == 1:
                out.append(RawMention(m.start(), m.end(), "brand", brand=next(iter(brands))))
            else:
                nobody.append(m.start())
        return out, nobody


def _vendor_words(vendor: str) -> list[str]:
    m = _VENDOR.match(vendor)
    if not m:
        return [vendor.lower()]
    en = m.group("en").strip().lower()
    out = [en]
    if " " in en and len(en.split()[0]) >= 5:
        out.append(en.split()[0])  # zhipu ai -> zhipu
    zh = (m.group("zh") or "").strip()
    if zh:
        out.append(zh)
        short = _ZH_SUFFIX.sub("", zh)
        if len(short) >= 2:
            out.append(short)
    return out
