"""Tables flattened into text: a short line over rows that open with models is a header, and a
line naming two models or more over short value rows is a spec sheet whose values go to the
models' columns in order (see ``tables.py`` for the markdown layout)."""

from __future__ import annotations

import re

from ingest.extract.lexicon import WordScanner
from ingest.extract.registry import load_registry
from ingest.extract.section import SectionView, Subject
from ingest.extract.table_cells import (
    UNLABELLED,
    VALUE_SORTS,
    LineSentences,
    TableInfo,
    cell_cut,
    price_heads,
    value_cut,
)
from ingest.extract.word_scan import Hit

_ROW_LEAD = " \t>*•·-—0123456789.、)）|"
_ID_TAIL = re.compile(r"[\w.\-]*\s+")  # the rest of an API id (-generate-001), then the next cell
_YES_NO = re.compile(r"[✅❌✔✘✓✗]")
_PARENS = re.compile(r"[（(][^（()）]{0,30}[）)]")


def read_flattened(
    view: SectionView,
    lines: list[tuple[int, int]],
    line_sids: LineSentences,
    info: TableInfo,
    speed_head: WordScanner,
) -> None:
    """Headers and model columns of the tables flattened into the lines of ``view``, into ``info``."""
    text = view.clean

    def opens_with_model(k: int) -> bool:
        a, b = lines[k]
        lead = a
        while lead < b and text[lead] in _ROW_LEAD:
            lead += 1
        return any(m.start <= lead + 1 and not m.versus for sid in line_sids[k] for m in view.mentions[sid])

    for k in range(len(lines) - 2):
        a, b = lines[k]
        if b - a > 90 or b == a:
            continue  # a header is one short line
        body = text[a:b].strip()
        if not body or body.startswith("|") or body.endswith(("。", "！", "？", "!", "?", ".", ":", "：")):
            continue
        if _model_header(view, line_sids[k], a, b):
            _model_columns(view, lines, line_sids, k, info)
            continue
        if _glued_header(view.text, a, b):
            _nobodys_rows(view, lines, line_sids, k, info)
            continue
        if any(view.mentions[sid] for sid in line_sids[k]) or len(body) > 80:
            continue
        if len(body.split()) < 3 and not speed_head.search(view.cue_text, a, b):
            continue
        heads = speed_head.finditer(view.cue_text, a, b)
        if _timed_rows(view, lines, line_sids, k, heads, info):
            continue
        if opens_with_model(k + 1) and opens_with_model(k + 2):
            info.header_sids.update(line_sids[k])
            prices = price_heads(view.text, a, b)
            if prices:
                r = k + 1
                while r < len(lines) and opens_with_model(r):
                    r += 1
                _row_prices(view, lines[k + 1 : r], line_sids, k + 1, prices, info)
            if heads and not text[heads[-1].end() : b].strip():
                # the last column times a generation (…Avg. completion): each row's closing time
                r = k + 1
                while r < len(lines) and opens_with_model(r):
                    _row_time(view, lines[r], line_sids[r], info)
                    r += 1


def _brand_names() -> re.Pattern[str]:
    names = sorted({b for b in load_registry().brands if len(b) >= 3 and b.isascii()}, key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names))


_BRANDS = _brand_names()


def _glued_header(text: str, a: int, b: int) -> bool:
    """A flattened header whose model names the page ran together (SoraKlingVeoRunway Gen-3Wan,
    DimensionPikaRunwayWinner): two brands or more, one name running straight into the next."""
    found = list(_BRANDS.finditer(text, a, b))
    if len({m.group(0) for m in found}) < 2 or b - a > 60:
        return False
    return any(x.end() == y.start() for x, y in zip(found, found[1:], strict=False))


def _nobodys_rows(
    view: SectionView, lines: list[tuple[int, int]], line_sids: LineSentences, head: int, info: TableInfo
) -> None:
    """Rows under a header whose model names ran together. Where the page's capitals show each cell's
    start (Motion realismIndustry-leading…Adequate; …fluidA wins) and a row splits into as many cells
    as the header, each cell is its column's; otherwise where one cell ends is guesswork, so what the
    row says is no one model's."""
    info.header_sids.update(line_sids[head])
    ha, hb = lines[head]
    head_cuts = _camel_cuts(view.text, ha, hb)
    starts = [ha, *head_cuts]
    subjects: list[Subject | None] = []
    aliases = load_registry().alias_brand
    for n, lo in enumerate(starts):
        hi = starts[n + 1] if n + 1 < len(starts) else hb
        brand = aliases.get(" ".join(view.clean[lo:hi].split()))  # the cell names a brand, nothing else
        subjects.append(Subject([brand], [None], True) if brand else None)
    models = sum(x is not None for x in subjects)
    k = head + 1
    while k < len(lines):
        a, b = lines[k]
        if not view.clean[a:b].strip() or b - a > 160:
            break
        cuts = _camel_cuts(view.text, a, b)
        split = models >= 2 and subjects[0] is None and len(cuts) == len(head_cuts)
        for sid in line_sids[k]:
            info.columns[sid] = ([a, *cuts], list(subjects)) if split else ([a], [])
            if split:
                view.sentences[sid].cut_also_at(cuts)  # each cell a clause of its own
        k += 1


# where a flattened cell starts: a capital, "~" or "$" right after a lower-case letter, a digit or a
# closing bracket (realismIndustry, portraits)Drifts, clip)~50, fluidA)
_CELL_START = re.compile(r"(?<=[a-z0-9)）%])(?=[A-Z][a-z]|[A-Z]\b|[~$])")


def _camel_cuts(text: str, a: int, b: int) -> list[int]:
    """Where the cells of a flattened line start, after the first (in the line's own case)."""
    return [m.start() for m in _CELL_START.finditer(text, a, b) if m.start() > a]


def _row_prices(
    view: SectionView,
    rows: list[tuple[int, int]],
    line_sids: LineSentences,
    first: int,
    heads: list[float | None],
    info: TableInfo,
) -> None:
    """Rows under a flattened header naming its price columns (Cost / secDefault 5s clip): when every
    row holds one amount of money for each such column, the amounts are its prices in order."""
    found: list[tuple[int, int, int, list[int]]] = []
    for n, (a, b) in enumerate(rows):
        sids = line_sids[first + n]
        money = sorted(
            q.start
            for sid in sids
            for q in view.quantities[sid]
            if a <= q.start < b and q.kind in ("usd", "cny") and not q.plus and not q.per
        )
        if len(money) != len(heads) or len(sids) != 1:
            return  # a row that does not fit: where the columns fall is guesswork
        found.append((sids[0], a, b, money))
    for sid, a, b, money in found:
        info.flat_prices[sid] = (a, b, list(zip(money, heads, strict=True)))


def _row_time(view: SectionView, line: tuple[int, int], sids: list[int], info: TableInfo) -> None:
    """The time a flattened row ends on (…end-frame control~120s), kept as its generation time."""
    a, b = line
    for sid in sids:
        times = [q for q in view.quantities[sid] if q.kind == "time" and a <= q.start < b]
        if times and not view.clean[times[-1].end : b].strip():
            info.flat_speed[sid] = (a, times[-1].start, b)


def _timed_rows(
    view: SectionView,
    lines: list[tuple[int, int]],
    line_sids: LineSentences,
    head: int,
    heads: list[Hit],
    info: TableInfo,
) -> bool:
    """Rows of two amounts of time under a flattened header whose last column times a generation
    (Clip DurationTypical Generation Time / 4 seconds15-30 seconds): each row's second amount is the
    time its clip length takes, said of the model in scope. False when the lines below are no such rows.
    ``heads``: the header's speed words."""
    a, b = lines[head]
    if not heads or _PARENS.sub("", view.cue_text[heads[-1].end() : b]).strip():
        return False
    rows: list[tuple[tuple[int, int], list[int]]] = []
    for k in range(head + 1, len(lines)):
        ra, rb = lines[k]
        sids = line_sids[k]
        times = [q for sid in sids for q in view.quantities[sid] if q.kind == "time" and ra <= q.start < rb]
        if len(times) != 2 or rb - ra > 40 or view.clean[ra : times[0].start].strip(_ROW_LEAD):
            break
        if view.clean[times[1].end : rb].strip() or any(view.mentions[sid] for sid in sids):
            break
        rows.append((lines[k], sids))
    if len(rows) < 2:
        return False
    info.header_sids.update(line_sids[head])
    for line, sids in rows:
        _row_time(view, line, sids, info)
    return True


def _model_header(view: SectionView, sids: list[int], a: int, b: int) -> bool:
    """A flattened header naming two models or more and little else (功能Sora 2 (OpenAI)Kling 3.0;
    对比维度 Veo 3.1 Fast Veo 3.1 Standard: the compare word heads the label column, both are columns)?"""
    if view.clean[a:b].lstrip().startswith("#"):
        return False  # ### Google Veo 3 (via Runway): a heading
    asides = [p.span() for p in _PARENS.finditer(view.clean, a, b)]
    ms = [m for sid in sids for m in view.mentions[sid] if not any(x <= m.start < y for x, y in asides)]
    if ms and not ms[0].versus:  # "Sora 2 vs Veo 3.1": a title comparing two, no header of columns
        ms = [m for m in ms if not m.versus]
    if len(ms) < 2 or len({n for m in ms for n in m.models}) < 2:
        return False
    rest = _PARENS.sub("", view.clean[a:b])
    for m in sorted(ms, key=lambda m: -m.start):
        rest = rest.replace(view.clean[m.start : m.end], "")
    return len(rest.strip()) <= 8 and not any(ch in rest for ch in "，。,.;；!！?？")


def _model_columns(
    view: SectionView,
    lines: list[tuple[int, int]],
    line_sids: LineSentences,
    head: int,
    info: TableInfo,
) -> None:
    """Rows under a flattened model header: each value goes to its column's model, in order."""
    subjects: list[Subject | None] = [
        Subject(list(m.models), [m.tier], True)
        for m in sorted((m for sid in line_sids[head] for m in view.mentions[sid]), key=lambda m: m.start)
    ]
    info.header_sids.update(line_sids[head])
    two = len(subjects) == 2  # with more columns, where one cell ends is guesswork
    text = view.clean
    column = 0  # the column a row's cells run on in: a block of values after a blank line is the next
    k = head + 1
    while k < len(lines):
        a, b = lines[k]
        body = text[a:b].strip()
        if not body:
            # a blank line inside a spec sheet: the sheet goes on with a row, or with the second
            # column of the row before (its values only: "5 seconds (25 credits)")
            nxt = next((n for n in range(k + 1, len(lines)) if text[lines[n][0] : lines[n][1]].strip()), None)
            if nxt is None or not _sheet_row(view, lines, line_sids, nxt):
                break
            column = 1 if two and column == 0 and UNLABELLED.match(text, *lines[nxt]) else 0
            k = nxt
            continue
        if _YES_NO.search(body):
            k += 1  # a row of ✅/❌ marks: spec_rows reads its cells against the models above
            continue
        if _id_row(view, line_sids[k], subjects):
            info.header_sids.update(line_sids[k])  # 模型标识 veo-3.1-fast-001 veo-3.1-001: the columns' ids
            k += 1
            continue
        if any(view.mentions[sid] for sid in line_sids[k]) or not _sheet_row(view, lines, line_sids, k):
            break
        if not UNLABELLED.match(text, a, b):
            column = 0  # a labelled row starts again from the first column
        found = [q for sid in line_sids[k] for q in view.quantities[sid] if a <= q.start < b]
        amounts = sorted(q.start for q in found)
        # one amount of one sort a column: each its column's (5 seconds (60 credits) is one cell)
        if column == 0 and len(amounts) == len(subjects) >= 2 and len({q.kind for q in found}) == 1:
            for sid in line_sids[k]:
                info.columns[sid] = ([a, *amounts[1:]], list(subjects))
            k += 1
            continue
        cut = (cell_cut(text, a, b) or value_cut(text, a, b)) if two and column == 0 else None
        if cut is None:
            # one value of each sort: the row's only cell is its column's (the first, unless a
            # blank line moved on; the second cell is empty, or the cell spans both); two of a
            # sort that split no single way: nobody's
            single = two and not any(len(r.findall(text, a, b)) > 1 for r in VALUE_SORTS)
            for sid in line_sids[k]:
                info.columns[sid] = ([a], subjects[column : column + 1] if single else [])
        else:
            for sid in line_sids[k]:
                info.columns[sid] = ([a, cut], subjects[:2])
        k += 1


def _id_row(view: SectionView, sids: list[int], subjects: list[Subject | None]) -> bool:
    """Does a row under a model header name the header's models again, in the same order (a row of
    API ids), and nothing else?"""
    ms = sorted((m for sid in sids for m in view.mentions[sid]), key=lambda m: m.start)
    if len(ms) != len(subjects) or any(view.quantities[sid] for sid in sids):
        return False
    text = view.clean
    between = [text[a.end : b.start] for a, b in zip(ms, ms[1:], strict=False)]
    return all(_ID_TAIL.fullmatch(t) for t in between) and all(  # ids side by side, a label before them
        s is not None and list(m.models) == s.models for m, s in zip(ms, subjects, strict=True)
    )


def _sheet_row(view: SectionView, lines: list[tuple[int, int]], line_sids: LineSentences, k: int) -> bool:
    """Can line ``k`` be a row of a spec sheet: short, no model named, not a sentence of prose?"""
    a, b = lines[k]
    body = view.clean[a:b].strip()
    return (
        0 < len(body) <= 80
        and not any(view.mentions[sid] for sid in line_sids[k])
        and not body.endswith(("。", "！", "？", "!", "?", ".", ":", "："))
    )
