"""HTML tables as Markdown pipe tables, so that rows and columns survive as text.

Flattened cell by cell, a comparison table (模型 | 单条价格 | 生成耗时) becomes lines of words
with nothing to tell where one cell ends: "可灵2.1 35灵感值 约3分钟 10秒" reads as one amount of
3 min 10 s. Written as ``| 可灵2.1 | 35灵感值 | 约3分钟 | 10秒 |`` under a header row and a
``| --- |`` line, the extractor reads it as the table it is (see ``ingest/extract/tables.py``).

Only data tables are rewritten: two rows or more, two columns or more, every cell a short
single line. A layout table (one cell holding paragraphs) keeps the plain flattening.
"""

from __future__ import annotations

from collections.abc import Callable

from selectolax.lexbor import LexborNode

MAX_CELL = 120  # characters: a longer cell is prose, and its table a layout

_CELLS = ("td", "th")


def _table_of(node: LexborNode) -> int | None:
    """``mem_id`` of the nearest table holding ``node``."""
    parent = node.parent
    while parent is not None:
        if parent.tag == "table":
            return parent.mem_id
        parent = parent.parent
    return None


def _cells(row: LexborNode) -> list[LexborNode]:
    out = []
    child = row.child
    while child is not None:
        if child.tag in _CELLS:
            out.append(child)
        child = child.next
    return out


def table_markdown(table: LexborNode, cell_text: Callable[[LexborNode], str]) -> str | None:
    """The Markdown of ``table`` (lines joined by "\\n"), or None when it is no data table."""
    rows: list[list[str]] = []
    for tr in table.css("tr"):
        if _table_of(tr) != table.mem_id:
            continue  # a row of a table nested in a cell
        texts = [cell_text(c) for c in _cells(tr)]
        if not texts:
            continue
        if any("\n" in t or len(t) > MAX_CELL for t in texts):
            return None
        if any(texts):
            rows.append([t.replace("|", "/") for t in texts])
    width = max((len(r) for r in rows), default=0)
    if len(rows) < 2 or width < 2:
        return None
    lines = ["| " + " | ".join(r + [""] * (width - len(r))) + " |" for r in rows]
    lines.insert(1, "|" + " --- |" * width)
    return "\n".join(lines)


def swap_tables(
    root: LexborNode, cell_text: Callable[[LexborNode], str], line_break: str
) -> list[tuple[LexborNode, LexborNode]]:
    """Put each data table under ``root`` out of the tree, a text node of its Markdown in its place
    (lines joined by ``line_break``). Returns (table, text node) pairs for ``restore_tables``."""
    swapped: list[tuple[LexborNode, LexborNode]] = []
    for table in root.css("table"):
        if table.parent is None:
            continue
        md = table_markdown(table, cell_text)
        if md is None:
            continue
        table.insert_before(line_break + md.replace("\n", line_break) + line_break)
        text = table.prev
        if text is None:  # pragma: no cover - insert_before always leaves the new node there
            continue
        table.remove(recursive=False)
        swapped.append((table, text))
    return swapped


def restore_tables(swapped: list[tuple[LexborNode, LexborNode]]) -> None:
    """Undo ``swap_tables``: each table back where its text stands."""
    for table, text in reversed(swapped):
        text.insert_before(table, move=True)
        text.decompose()
