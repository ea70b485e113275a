"""Generation modes listed in a table cell (``text-to-video, image-to-video``, ``T2V + I2V``,
``文生视频、首尾帧生视频``): what a row's model can be asked to do (``spec_cells`` decides under which
headers a cell is read so).

A cell is a mode list when every item it holds (cut at commas, 、, semicolons, slashes and pluses)
names one generation mode and little else (``I2V only``, ``单图 I2V``); a cell with one item of
anything else (``Fusion 参考``, ``通用场景``) is left to the header's reading.
"""

from __future__ import annotations

import re

# one generation mode: "<input>-to-video" spelt out or abbreviated, or <input>生视频 in Chinese
_MODE = re.compile(
    r"\b(?:text|image|video|reference|ref|audio|keyframes?"
    r"|(?:first|start)[- ]?(?:and|&|/)?[- ]?(?:last|end)[- ]frames?)"
    r"[- ]?(?:to|2)[- ]?video\b"
    r"|\b(?:T|I|V|R|S|A|FL|FLF|KF|Ref)2VA?\b"
    r"|(?:文|图|圖|图片|圖片|视频|視頻|参考|參考|首尾帧|首尾幀|首帧|首幀|主体|主體|多图|多圖|单图|單圖)生(?:视频|視頻|影片)"
    r"|首尾帧|首尾幀",
    re.I,
)
# what an item may say besides its mode (I2V only, 单图 I2V, 文生视频（T2V）)
_RESIDUE = re.compile(
    r"(?:only|mode|modes|supported|仅|僅|只|仅支持|支持|单图|單圖|多图|多圖|模式|[\s()（）*`])*", re.I
)
_ITEM = re.compile(r"[^,，、;；/+|\n]+")
_MAX_ITEM = 24  # an item longer than this says more than a mode
_MAX_CELL = 80


def mode_list(text: str, a: int, b: int) -> bool:
    """Is cell [a, b) of ``text`` a list of generation modes and nothing else?"""
    if not 0 < b - a <= _MAX_CELL:
        return False
    items = [m.group().strip(" \t*`()（）") for m in _ITEM.finditer(text, a, b)]
    items = [i for i in items if i]
    return bool(items) and all(
        len(i) <= _MAX_ITEM and _MODE.search(i) and _RESIDUE.fullmatch(_MODE.sub("", i)) for i in items
    )


def mode_items(text: str, a: int, b: int) -> list[str]:
    """The modes a mode-list cell [a, b) names, one item each (T2V + I2V: T2V and I2V)."""
    return [i for m in _ITEM.finditer(text, a, b) if (i := m.group().strip(" \t*`"))]
