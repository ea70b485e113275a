"""Is an opinion cue a verdict on what a model made? Checks that keep cue words honest.

A flaw or praise word reads as a claim only where the clause judges a model's
output. Fresh writing (news, explainers, tutorials, essays) uses the same words
for other things; each check below reads one such use from the shape of the
text, from words in the lexicon's ``scope`` section:

* a flaw noun named as a topic (这个问题, 一个问题一直没被解决, 5大常见问题及
  解决方案, 社会问题, this problem): an issue talked about, not a flaw seen;
* a fix that is itself denied (始终没解决…问题, hasn't fixed the flicker): the
  negator belongs to the fix, so the flaw stays a flaw, not a strength;
* a flaw that got smaller, said after it (手指异常率从17%降至0.3%, 违和感降低87%,
  flicker was reduced): an improvement, a strength like 减少了…问题;
* a question made of a word and its negation (像不像, 稳不稳定, 能不能): asked,
  not judged;
* a heading or a label line (# …, 3. 物理模拟更自然, **亮点**, 技术优势：, 🎬 亮点): it
  announces what the section says; praise in it is a title, not a finding;
* a book or article title (《…》): someone else's words.
"""

from __future__ import annotations

import logging
import re
import unicodedata

from ingest.extract.lexicon import Lexicon, alt

log = logging.getLogger(__name__)

_TITLE = re.compile(r"《[^《》\n]{1,80}》")
# a numbered or marked heading: # …, 3. …, 01、…, 一、…, 第二部分 …
_HEADING_MARK = re.compile(
    r"[ \t]*(?:#{1,6}[ \t]|\d{1,2}[.、)）][ \t]*|[一二三四五六七八九十]{1,3}[、.][ \t]*"
    r"|第[一二三四五六七八九十\d]{1,3}[章节部分点])"
)
_LIST_MARK = re.compile(r"[ \t]*(?:[-*•·]|\d{1,2}[.、)）])[ \t]")
_NOT_BEFORE = re.compile(
    r"(?:没有?|未|尚未|还没有?|并未|不曾|\b(?:hasn['’]t|haven['’]t|didn['’]t|doesn['’]t|has not|have not"
    r"|did not|does not|not yet|yet to|failed to|fails to|never)(?:\s+\w+)?)\s*$"
)
_COORDINATORS = frozenset({"或", "或者", "和", "与", "及", "、", "跟", "以及", "or", "and", "nor"})
_FINAL = ("。", "！", "!", "？", "?", "…", "；", ";")


class Appraisal:
    def __init__(self, lex: Lexicon) -> None:
        before = alt(lex.words("scope", "topic_flaw_before"), bound_end=True)
        # the determiner, then at most 的 or a space, then the flaw noun
        self.topic_flaw_re = re.compile(rf"(?:{before})\s*(?:的)?\s*$")
        self.number_topic_re = re.compile(r"\d+\s*(?:大|个|类|种)\s*(?:常见)?\s*(?:的)?\s*$")
        self.after_topic_re = re.compile(rf"\s*(?:{alt(lex.words('scope', 'topic_flaw_after'))})")
        self.fix_verbs_re = re.compile(alt(lex.words("scope", "fix_verbs")))
        self.improved_after_re = re.compile(alt(lex.words("scope", "improved_after")))
        self.reach = int(lex.setting("improved_after_window", 20))

    # ----- flaw nouns ----------------------------------------------------------
    def topic_flaw(self, text: str, start: int, end: int) -> bool:
        """Is the flaw noun at [start, end) an issue named as a topic (这个问题, 5大常见问题, 社会问题,
        问题及解决方案), not a flaw seen in a clip?"""
        lead = text[max(0, start - 8) : start]
        if self.topic_flaw_re.search(lead) or self.number_topic_re.search(lead):
            return True
        return bool(self.after_topic_re.match(text, end))

    # ----- fixes ---------------------------------------------------------------
    def fix_denied(self, text: str, neg_end: int, pos: int) -> bool:
        """Does a verb of fixing stand between a negator ending at ``neg_end`` and the flaw at
        ``pos`` (没解决穿模, hasn't fixed the flicker)? Then the fix is denied, not the flaw."""
        return bool(self.fix_verbs_re.search(text, neg_end, pos))

    def denied_fix_verb(self, text: str, start: int, end: int) -> bool:
        """Is [start, end) a verb of fixing (fixed, 修复了) that a negator right before it denies
        (hasn't fixed, 还没修复了)?"""
        if not self.fix_verbs_re.match(text, start, end):
            return False
        return bool(_NOT_BEFORE.search(text[max(0, start - 16) : start]))

    def improved_after(self, text: str, end: int, clause_end: int) -> bool:
        """Does the flaw ending at ``end`` get smaller later in its clause (异常率从17%降至0.3%,
        flicker was reduced)?"""
        return bool(self.improved_after_re.search(text, end, min(clause_end, end + self.reach)))

    @staticmethod
    def coordinated(text: str, prev_end: int, start: int) -> bool:
        """Is the cue at ``start`` joined to the cue ending at ``prev_end`` by a bare coordinator
        (凭空消失或瞬移, 穿模和闪烁, flicker or warping)?"""
        if prev_end < 0 or start <= prev_end or start - prev_end > 6:
            return False
        return text[prev_end:start].strip() in _COORDINATORS

    # ----- questions -----------------------------------------------------------
    @staticmethod
    def a_not_a(text: str, start: int) -> bool:
        """Is the cue at ``start`` part of a word-and-its-negation question (像不像, 稳不稳定, 能不能)?"""
        if start >= 2 and text[start - 1] in "不没" and text[start - 2] == text[start]:
            return True  # 稳不[稳定]
        return (
            text[start : start + 1] in ("不", "没")
            and start >= 1
            and start + 1 < len(text)
            and text[start - 1] == text[start + 1]
        )  # 像[不像]

    # ----- headings ------------------------------------------------------------
    @staticmethod
    def heading_lines(text: str) -> list[tuple[int, int]]:
        """Spans of lines that head a section or label a list: a marked heading (# …, 3. …, 一、…)
        followed by prose rather than another list item, a line wholly in bold, or a short label
        ending with a colon (技术优势：). List items keep their verdicts."""
        out: list[tuple[int, int]] = []
        lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
        # the next line holding more than blanks, for every line: one pass from the end
        following = [""] * len(lines)
        below = ""
        for n in range(len(lines) - 1, -1, -1):
            following[n] = below
            if text[lines[n][0] : lines[n][1]].strip():
                below = text[lines[n][0] : lines[n][1]]
        for n, (a, b) in enumerate(lines):
            line = text[a:b].strip()
            if not line or len(line) > 48 or line.endswith(_FINAL):
                continue
            nxt = following[n]
            if line.startswith("#") or (
                unicodedata.category(line[0]) == "So" and nxt and len(nxt) > len(line)
            ):
                out.append((a, b))  # # 亮点, 🎬 Why It Looks Great
            elif line.startswith("**") and line.rstrip("：: ").endswith("**") and line.count("**") == 2:
                out.append((a, b))
            elif line.endswith(("：", ":")) and len(line) <= 16:
                out.append((a, b))
            elif _HEADING_MARK.match(text, a) and nxt and not _LIST_MARK.match(nxt) and len(nxt) > len(line):
                out.append((a, b))
        return out

    # ----- titles --------------------------------------------------------------
    @staticmethod
    def titles(text: str) -> list[tuple[int, int]]:
        """Spans of book or article titles (《…》)."""
        return [m.span() for m in _TITLE.finditer(text)]
