"""Line layouts of specification text: labelled lines, spec-sheet rows and heading lines.

Shared by the specification rules (``specs.py``): where a row of a spec sheet flattened into
text starts, what a labelled list line's label is, and whether a position sits on a heading.
"""

from __future__ import annotations

import re

VALUE_LINE = re.compile(r"[ \t]*\d[^\n]{0,40}$", re.M)  # a line holding only a value: 10 seconds
LIST_MARKS = frozenset("-•*·0123456789")
SENTENCE_MARK = re.compile(r"[，,；;。!?！？]|\.(?:\s|$)")
# a labelled line (画质：1080p, - Output resolution: 1080p): the label, after a list mark
LIST_LINE = re.compile(r"(?:[ \t]*[-•*·][ \t]+[^\n：:]{1,40}|[^\n：:]{1,16})[：:]")
_OPEN_BEFORE = re.compile(r"[(（]\s*$")
_CLOSE_AFTER = re.compile(r"\s*[)）]")


def free_label_re(free_users: str) -> re.Pattern[str]:
    """A line's label naming the free users (- Free plan: Up to 8 seconds, **免费用户（每日）**：最高720p),
    matched from the line's start; ``free_users`` is the alternation of their names."""
    return re.compile(
        rf"[ \t]*(?:[-*•·]\s*)?(?:\*\*)?(?:{free_users})"
        r"\s*(?:[(（][^()（）\n]{0,20}[)）])?\s*(?:\*\*)?\s*[:：]",
        re.I,
    )


def heading_item(text: str, start: int, end: int, paren: bool = False) -> bool:
    """Is [start, end) on a short line with no sentence punctuation (a heading), in parentheses when
    ``paren``?"""
    if paren and not (
        _OPEN_BEFORE.search(text[max(0, start - 3) : start]) and _CLOSE_AFTER.match(text[end : end + 3])
    ):
        return False
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    line = text[ls : len(text) if le < 0 else le]
    return len(line.strip()) <= 60 and not SENTENCE_MARK.search(line)


def sheet_row(text: str, pos: int, label_re: re.Pattern[str]) -> int | None:
    """Where the row of a spec sheet holding ``pos`` starts: a short line opening with a label
    ``label_re`` reads, and the lines of values only that go on it (after at most one blank
    line: the second column). None when ``pos`` is in no such row."""
    line_start = text.rfind("\n", 0, pos) + 1
    for _ in range(6):
        if pos - line_start > 60:
            return None
        if label_re.match(text, line_start):
            return line_start
        if line_start == 0 or not VALUE_LINE.match(text, line_start):
            return None
        line_start = text.rfind("\n", 0, line_start - 1) + 1
        if text[line_start : text.find("\n", line_start)].strip() == "" and line_start > 0:
            line_start = text.rfind("\n", 0, line_start - 1) + 1
    return None


def cap_label(text: str, sent_start: int, item_start: int, cap_re: re.Pattern[str]) -> bool:
    """Does the label of the spec line holding an item name a maximum (Max duration: 10 s)?"""
    line_start = text.rfind("\n", 0, sent_start) + 1
    label = LIST_LINE.match(text, line_start)
    return bool(label and label.end() <= item_start and cap_re.search(text, line_start, label.end()))
