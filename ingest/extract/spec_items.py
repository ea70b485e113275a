"""Specification items: where a section names a feature word (图生视频, 首尾帧, native audio), a
value (1080p, 60fps, 9:16, 1440x960), a clip length (时长6秒, 5-second clips), a cap on the prompt
(1000 characters) or an item of an enumeration a grant heads. ``specs.py`` decides which of
them a clause grants or limits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extract.lexicon import Lexicon, WordScanner, alt
from ingest.extract.listing import ListReader
from ingest.extract.numbers import OPTION_BEFORE, Quantity
from ingest.extract.section import SectionView
from ingest.extract.spec_lines import heading_item, sheet_row

# frame rates, pixel sizes, aspect ratios and batch counts (resolutions like 1080p / 4k come from the
# quantities); one leading character class keeps the scan fast, the lookbehind after it keeps numbers whole
_VALUE = re.compile(
    r"[\d一](?:(?<=一)次(?:性)?(?:最多)?(?:可以|能|可)?(?:生成|出)\s*(?:\d+|[两三四五六七八九十])\s*(?:个|条|段)"
    r"|(?<![\d.:]\d)(?:\d{1,2}\s*(?:fps|帧(?:/秒|每秒)?(?!数)|frames?\s+per\s+second|frames?/s)"
    r"|\d{2,3}\s*[x×*]\s*\d{3,4}(?!\d)"
    # (not "Sora 2: 1 hour 5 minutes": a version, a colon and a time)
    r"|\d?\s*:\s*(?:1|3|4|9|16)(?![\d:])(?!\s*(?:hours?|hrs?|minutes?|mins?|小时|个小时|分钟))))"
)
_LATIN_END = re.compile(r"[a-z][a-z0-9.\-]+\s*$")  # a Latin word ending where the grant starts
_RATIO_LEFT = frozenset({"1", "2", "3", "4", "9", "16", "21"})


_OPTION_AFTER = re.compile(
    r"\s*(?:,\s*(?:and|or)|、\s*(?:或者|或|和)?|或者|或|和|/|,|，|or|and)\s*\d{1,3}\s*(?:s|sec|seconds?|秒)?(?![\d.])"
)


def _option_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened over the options listed with it (4, 8, and 12 seconds)."""
    while (m := OPTION_BEFORE.search(text, max(0, start - 16), start)) is not None:
        start = m.start(1)
    while (m := _OPTION_AFTER.match(text, end)) is not None:
        end = m.end()
    return start, end


# an enumeration's item that is a number and nothing else (quoted or not, a trailing comma)
_BARE_NUMBER_ITEM = re.compile(r"[\s`'\"“”‘’*]*\d+(?:\.\d+)?[\s`'\"“”‘’*,，、]*")


@dataclass(slots=True)
class Item:
    start: int
    end: int
    what: str  # feature | value | length | listed (an enumeration's item the lexicon does not know)
    anchor: int | None = None  # where the grant of the enumeration holding it starts
    reach: int = 0  # where that enumeration's last item ends
    since: int = 0  # where the statement of that enumeration starts (after another list before it)


class SpecItems:
    def __init__(self, lex: Lexicon) -> None:
        self.features = WordScanner(lex.words("features", "words"))
        lead = lex.alt("context", "length") + "|" + lex.alt("features", "length_lead")
        self.length_before_re = re.compile(
            rf"(?:{lead})\s*(?:为|是|有|可在|可选|可选择|[:：])?\s*$|(?:videos?|clips?) of\s*$"
        )
        self.length_after_re = re.compile(
            rf"\s*-?\s*(?:的)?\s*(?:{lex.alt('context', 'clip_after')}|{lex.alt('features', 'length_tail')})"
        )
        # lengths the speed rules read as a maximum (最长10秒, 10秒以上的视频无法生成, longer than 8 seconds)
        self.max_before_re = re.compile(
            alt(
                lex.words("features", "max_length")
                + lex.words("features", "max_length_only")
                + lex.words("features", "exceed")
            )
            + r"\s*(?:生成|可以|能|支持)?\s*$"
        )
        self.not_item_re = re.compile(lex.alt("features", "not_items"))
        self.straddle = frozenset(lex.words("features", "straddle"))
        # a feature word that starts an organisation's name (开源证券, 原生科技) names no feature
        self.org_after_re = re.compile(rf"\s*(?:{lex.alt('features', 'org_suffix', bound_start=False)})")
        self.lists = ListReader(lex)
        self.built_re = re.compile(rf"(?:{lex.alt('features', 'not_feature_heads', bound_start=False)})$")
        # a length of the text prompt, and the words that make it a cap
        self.text_cap_re = re.compile(
            # the lookbehind after the first digit, not before it: ``re`` skips ahead on \d
            rf"\d(?<![\d.,]\d)[\d,]*\s*(?:{lex.alt('features', 'text_units', bound_start=False)})"
        )
        self.cap_word_re = re.compile(lex.alt("features", "text_cap_words"))
        # a label opening a short line that is no sentence (no comma, no full stop) heads a spec row
        row = r"(?![^\n]*[，,；;。!?！？]|[^\n]*\.[ \t]*$)"
        # a list mark before the label (- Duration options: 6 s), and a maximum (Max video length)
        mark = r"\s*(?:[-•*·]\s+)?(?:(?:max|maximum|最长|最大)\s*)?"
        self.length_label_re = re.compile(rf"{mark}(?:{lex.alt('features', 'length_labels')}){row}")

    def prepare(self, view: SectionView) -> dict[int, list[Item]]:
        """Specification items of every sentence that holds one, from one scan of the section."""
        text = view.cue_text
        found: dict[int, list[Item]] = {}

        def add(start: int, end: int, what: str) -> None:
            sid = view.sentence_index(start)
            if sid is not None and not view.sentences[sid].prompt:
                found.setdefault(sid, []).append(Item(start, end, what))

        quoted = view.prompt_quotes()

        def in_prompt(pos: int) -> bool:
            return any(a <= pos < b for a, b in quoted)

        for hit in self.features.finditer(text):
            if self.not_item_re.match(text, hit.start()) or self.org_after_re.match(text, hit.end()):
                continue
            if hit.start() and text[hit.start() - 1 : hit.start() + 1] in self.straddle:
                continue  # the feature word starts inside another word
            if not (quoted and in_prompt(hit.start())):
                add(hit.start(), hit.end(), "feature")
        for m in _VALUE.finditer(text):
            value = m.group(0)
            if ":" in value and value.split(":")[0].strip() not in _RATIO_LEFT:
                continue  # 10:30 is a time, 16:9 a ratio
            if not (quoted and in_prompt(m.start())):
                add(m.start(), m.end(), "value")
        for m in self.text_cap_re.finditer(text):  # 1000 characters, 提示词最多500字: a cap on the prompt
            sid = view.sentence_index(m.start())
            if sid is not None and self.cap_word_re.search(
                text, view.sentences[sid].start, view.sentences[sid].end
            ):
                add(m.start(), m.end(), "text_cap")
        for sid, qs in enumerate(view.quantities):
            for q in qs:
                if q.kind == "resolution":
                    found.setdefault(sid, []).append(Item(q.start, q.end, "value"))
                elif q.kind == "time" and not view.sentences[sid].prompt and self._clip_length(text, q):
                    found.setdefault(sid, []).append(Item(q.start, q.end, "length"))
        for sid in sorted({i for p in self.lists.opens(text) if (i := view.sentence_index(p)) is not None}):
            self._add_listed(view, sid, found)
        for items in found.values():
            items.sort(key=lambda i: i.start)
        return found

    def _add_listed(self, view: SectionView, sid: int, found: dict[int, list[Item]]) -> None:
        """The items of the sentence's enumerations: an item the scan found takes the list's grant."""
        sent = view.sentences[sid]
        if sent.prompt:
            return
        text = view.cue_text
        named = [(m.start, m.end) for m in view.mentions[sid] if not m.versus]
        have = found.get(sid, [])
        times = [q for q in view.quantities[sid] if q.kind == "time"]
        enumerations = list(self.lists.lists(view.cue_text, sent.start, sent.end, named))
        # an enumeration of how a model is built or whom it serves (引入MoE架构, 服务于工业和学术领域):
        # one such item makes the whole list no list of features
        built = {
            x.anchor for x in enumerations if self.built_re.search(text[x.start : x.end].rstrip(" \t）)」"))
        }
        for listed in enumerations:
            if listed.anchor in built:
                continue
            known = [i for i in have if i.start < listed.end and listed.start < i.end]
            if not known and any(
                listed.start <= q.start < listed.end
                and self.max_before_re.search(text, max(0, q.start - 12), q.start)
                for q in times
            ):
                continue  # a maximum length the length rules read (up to 10 seconds)
            for i in known:
                i.anchor, i.reach, i.since = listed.anchor, listed.reach, listed.since
            what = "required" if listed.required else "listed"
            if not known and (
                self._other_subject(text, listed.anchor, named)
                or any(m.start < listed.end and listed.start < m.end for m in view.mentions[sid])
            ):
                continue  # NotebookLM支持…: an unknown product offers it; a model is no item
            if not known and _BARE_NUMBER_ITEM.fullmatch(text, listed.start, listed.end):
                continue  # Options: `"3"`, `"4"`, `"5"`: a number alone names no feature
            if not known:
                have.append(Item(listed.start, listed.end, what, listed.anchor, listed.reach, listed.since))
            elif listed.required:
                for i in known:
                    i.what = what
        if have:
            found[sid] = have

    @staticmethod
    def _other_subject(text: str, anchor: int, named: list[tuple[int, int]]) -> bool:
        """Does a Latin name no model mention covers stand right before a Chinese grant (NotebookLM支持)?"""
        if text[anchor : anchor + 1].isascii():
            return False
        head = _LATIN_END.search(text, max(0, anchor - 24), anchor)
        return head is not None and not any(a < anchor and b >= head.start() for a, b in named)

    def _clip_length(self, text: str, q: Quantity) -> bool:
        """Is time ``q`` a clip length (时长6秒, 6秒视频, 16 秒直出, a 16-second cap)?

        Not a maximum the speed rules read (最长10秒, 10秒以上), nor a bound (30 秒内).
        """
        start, end = _option_span(text, q.start, q.end)  # 4、6 或 8 秒: the options are judged as one
        lo = max(0, start - 12)
        if self.max_before_re.search(text, lo, start):
            return False
        clip_after = self.length_after_re.match(text, end)
        if sheet_row(text, q.start, self.length_label_re) is not None:
            return True  # a row of a spec sheet about length (Max length 10 seconds 5 seconds)
        if heading_item(text, q.start, q.end, paren=True):
            return True  # a length in parentheses on a heading line: Kling 2.6 Text-to-Video (5–10 s)
        if q.qual:  # 30 秒内: a bound, unless a clip follows (3～10s内的视频)
            return q.qual == "max" and bool(clip_after)
        return bool(clip_after or self.length_before_re.search(text, lo, start))

    @staticmethod
    def clauses_with_items(view: SectionView, sid: int, items: list[Item]) -> set[int]:
        """Indexes of the clauses of sentence ``sid`` that hold an item."""
        if not items:
            return set()
        return {
            ci
            for ci, c in enumerate(view.sentences[sid].clauses)
            if any(c.start <= i.start < c.end for i in items)
        }
