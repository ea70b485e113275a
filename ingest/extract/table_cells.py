"""Table geometry: the lines and cells of a section's tables, and what is known of their columns.

Shared by the readers of markdown tables (``table_markdown.py``), of tables flattened into text
(``table_flat.py``) and by the claims read from cells (``tables.py``): the line and cell spans, the
cut between the two cells of a flattened row, and the records a table leaves on its section.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ingest.extract.section import SectionView, Subject

_PIPE = re.compile(r"\|")
# a markdown table's |---|---| rule (a GFM one may leave out its outer pipes)
SEPARATOR_ROW = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")
# a frame size (1280×720, 832x480)
FRAME_SIZE = r"\d{3,4}\s*[x×*]\s*\d{3,4}"
# sorts of value in a spec row: two of one sort are two cells
VALUE_SORTS = tuple(
    re.compile(p)
    for p in (
        r"\d{3,4}\s*[pP](?![a-z])|\d\s*[kK](?![a-z])",
        FRAME_SIZE,
        r"(?<![\d:])\d{1,2}\s*:\s*\d{1,2}(?![\d:])",
        r"\d+(?:\.\d+)?\s*(?:fps|帧)",
        r"\d+(?:\.\d+)?\s*(?:s|sec|seconds?|秒|min|minutes?|分钟)(?![a-z])",
        r"[$¥￥]\s*\d|\d+(?:\.\d+)?\s*(?:credits?|积分|元|美元|灵感值)",
        r"\d+(?:\.\d+)?\s*(?:characters?|chars?|字)",
    )
)
_VALUE_START = re.compile(r"[$¥￥]?\d")
_NOTE_THEN_VALUE = re.compile(r"[)）]\s+(?=[$¥￥]?\d)")
UNLABELLED = re.compile(r"\s*[$¥￥]?\d")  # a row that opens with a value goes on with the row above
_VALUE_END = re.compile(r"[$¥￥]?\d[\d.,]*\s*$")  # a number that ends where a word starts


def cell_cut(text: str, a: int, b: int) -> int | None:
    """Where the second value of a flattened two-column row starts, only when the row splits one
    way: a single closing parenthesis run into text ("(Pro)長達 15 秒"), else a single word the
    row uses twice ("長達 25 秒…長達 15 秒"). None when the row offers no split or several: a comma
    may sit inside one cell as well as between two, so it never decides."""
    row = text[a:b].rstrip()
    parens = [m.end() for m in re.finditer(r"[)）](?=[^\s,，;；。)）])", row) if m.end() < len(row)]
    if parens:
        return a + parens[0] if len(parens) == 1 else None
    # a note closing the first cell, then the second cell's value: "1 分 13 秒 (8秒视频) 2 分 41 秒 (…)"
    # (a note before the row's first value is the label's: 定价 (Vertex AI) $0.15/秒 …)
    first = _VALUE_START.search(row)
    notes = [m.end() for m in _NOTE_THEN_VALUE.finditer(row, first.end() if first else len(row))]
    if notes:
        return a + notes[0] if len(notes) == 1 else None
    cuts: set[int] = set()
    for size in (3, 2):
        cut: int | None = None
        for i in range(1, len(row) - size):  # a word the row opens with is its label
            word = row[i : i + size]
            if word.strip() != word or not all("\u4e00" <= ch <= "\u9fff" or ch.isalpha() for ch in word):
                continue
            j = row.find(word, i + size)
            if j > 0:
                cuts.add(j - i)  # the offset of the repeat: one split, however many letters agree
                if len(cuts) > 1:
                    return None
                if cut is None:  # where the first repeated word starts again; a value before it
                    # opens its cell (12 credits per second 5 credits per second)
                    first, second = _VALUE_END.search(row, 0, i), _VALUE_END.search(row, 0, j)
                    cut = a + (second.start() if first and second and second.start() >= i + size else j)
        if cut is not None:
            return cut
    return None


def value_cut(text: str, a: int, b: int) -> int | None:
    """Where the second cell of a flattened two-column row starts when the row holds two values of
    one sort and no more (Resolution 1080p 720p, Length 10 seconds 5 seconds): at the second one.
    Not when a comma or a list mark stands in the row: one cell may hold both values."""
    if any(ch in text[a:b] for ch in ",，、;；/"):
        return None
    seconds = []
    for r in VALUE_SORTS:
        found = list(r.finditer(text, a, b))
        if len(found) > 2:
            return None
        if len(found) == 2:
            seconds.append((found[0].end(), found[1].start()))
    if not seconds:
        return None
    cut = min(s for _, s in seconds)
    return cut if all(e <= cut for e, _ in seconds) else None


@dataclass(frozen=True, slots=True)
class PriceColumn:
    """A column of prices: what its header says of every cell under it."""

    index: int
    length: float | None  # Price per 5s, 5秒价格: 5; per second: 1
    tier: str | None  # | Standard | Pro |: the tier word heading it
    unit: str | None  # | Price (USD/s) |, | Credits |: the unit of bare numbers in its cells
    length_at: tuple[int, float] | None = None  # | 时长(秒) |: the column of the row's clip length, its unit
    resolution: str | None = None  # | 时长 | 720p | 1080p |: the resolution heading it


@dataclass
class TableInfo:
    """What the rules need to know about the tables of one section (header rows and model columns
    are also set on the view, where every rule's ``subject`` reads them)."""

    header_sids: set[int] = field(default_factory=set)
    # sentence id -> (where its row line starts, the subject of each column, by index)
    columns: dict[int, tuple[list[int], list[Subject | None]]] = field(default_factory=dict)
    # sentence id -> (where its row line starts, indexes of generation-time columns)
    speed_cells: dict[int, tuple[int, list[int], dict[int, float]]] = field(default_factory=dict)
    # a flattened row whose last column is a generation time: sentence id -> (row start, the time's
    # start, row end)
    flat_speed: dict[int, tuple[int, int, int]] = field(default_factory=dict)
    # sentence id -> (where its row line starts, [price column: (index, the clip length, tier word and
    # unit of money its header names)])
    price_cells: dict[int, tuple[int, list[PriceColumn]]] = field(default_factory=dict)
    # rows of a table whose header names plans or credit packs: their sums buy a plan, not a clip
    plan_rows: set[int] = field(default_factory=set)
    # rows of a table of models (| Model | … |) naming none the text knows: their amounts are no one's
    other_rows: set[int] = field(default_factory=set)
    period_spans: list[tuple[int, int]] = field(default_factory=list)  # cells of sums over a month or year
    # a flattened row under a header naming its price columns (Cost / secDefault 5s clip): sentence id
    # -> (row start, row end, [(where an amount starts, the clip length its column names)])
    flat_prices: dict[int, tuple[int, int, list[tuple[int, float | None]]]] = field(default_factory=dict)


# what a price column's header buys, in a header whose cells ran together (Cost / secDefault 5s clip):
# a second (cost / sec, price per second, 每秒价格), or a clip of a length (5s clip, per 10s, 5秒视频)
_PRICE_HEAD = re.compile(
    # (the header's own case: a cell running into the next one's capital, secDefault, still ends)
    r"(?P<sec>(?i:cost|price|rate|usd|\$)\s*(?:/|(?i:per))\s*(?i:sec(?:ond)?|s)(?![a-z])|每秒(?:价格|费用|成本|单价)"
    r"|(?:价格|费用|单价|成本)\s*[/／]\s*秒)"
    r"|(?<![\d.])(?P<len>\d{1,3})\s*(?i:s|secs?|seconds?|-second|秒)\s*(?i:clips?|videos?|generations?|视频|片段|短片)"
    r"|(?i:per|/)\s*(?P<per>\d{1,3})\s*(?i:s|secs?|seconds?|秒)(?![a-z\d])"
)


# a column headed by price and nothing of what it buys (价格, Price, Cost)
_BARE_PRICE_HEAD = re.compile(r"价格|费用|售价|(?i:price|cost)(?![a-z])")
_PLAN_HEAD = re.compile(
    r"[月年]|套餐|会员|订阅|包月|(?i:month|monthly|/mo\b|year|annual|yearly|plan|subscription|included|pack|bundle)"
)


def price_heads(text: str, a: int, b: int) -> list[float | None]:
    """The clip length each price column of a header buys, in order (1 for a price per second); ``text``
    in its own case. A header naming one price column and not what it buys (模型价格特点生成时间) gives
    [None]: each row's one amount is the price of one generation."""
    if not _PRICE_HEAD.search(text, a, b):
        if _PLAN_HEAD.search(text, a, b):
            return []  # Monthly Price, 每月价格, Credits Included: a plan's fee or a pack, no clip's price
        return [None] if len(_BARE_PRICE_HEAD.findall(text, a, b)) == 1 else []
    out: list[float | None] = []
    for m in _PRICE_HEAD.finditer(text, a, b):
        n = m.group("len") or m.group("per")
        out.append(1.0 if m.group("sec") else float(n))
    return out


def lines_of(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for part in text.split("\n"):
        out.append((start, start + len(part)))
        start += len(part) + 1
    return out


class LineSentences:
    """The sentences of each line, looked up on first use (most lines are never asked about)."""

    def __init__(self, view: SectionView, lines: list[tuple[int, int]]) -> None:
        self.view, self.lines = view, lines
        self.cache: dict[int, list[int]] = {}

    def __getitem__(self, k: int) -> list[int]:
        if k not in self.cache:
            a, b = self.lines[k]
            sents = self.view.sentences
            i = max(bisect_right(self.view.sentence_starts, a) - 1, 0)
            sids = []
            while i < len(sents) and sents[i].start < b:
                if sents[i].end > a:
                    sids.append(i)
                i += 1
            self.cache[k] = sids
        return self.cache[k]


def cells_of(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Cell spans of a markdown row (between pipes; the first may open the line without one)."""
    bars = [m.start() for m in _PIPE.finditer(text, a, b)]
    if bars and text[a : bars[0]].strip():  # a row without its opening pipe (veo3_fast | 9 |)
        bars.insert(0, a - 1)
    return [(x + 1, y) for x, y in zip(bars, bars[1:], strict=False)]


def sheet_label(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The first cell of the Markdown row on whose line [start, end) stands, when the row has two
    cells (| Max video duration | 8 seconds per clip |): a spec sheet's label. None otherwise."""
    line_start = text.rfind("\n", 0, start) + 1
    if not text.startswith("|", line_start):
        return None
    cells = cells_of(text, line_start, end)
    return cells[0] if len(cells) == 2 else None


def row_model(view: SectionView, sid: int, cell: tuple[int, int]) -> Subject | None:
    """The model a row's first cell names with its version (| `veo-3.1-fast` | Fast Veo | 20 |): the
    row's model, whatever a later cell names in passing."""
    named = [m for m in view.mentions[sid] if cell[0] <= m.start < cell[1] and not m.versus]
    if len(named) != 1 or not named[0].explicit:
        return None
    return Subject(list(named[0].models), [named[0].tier] * len(named[0].models), True)
