"""A fix that is denied, however many adverbs stand between the negator and the fix
(并没有神奇地解决…问题, 没有很好地解决问题), leaves the flaw: no praise of a flaw's absence."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of


@pytest.mark.parametrize(
    "text",
    [
        "Sora 2 并没有神奇地解决手部变形的问题。",
        "Sora 2 并没有很好地解决问题。",
        "可灵2.1还没有真正彻底地解决穿模的问题。",
    ],
)
def test_a_denied_fix_far_back_is_no_strength(text: str) -> None:
    kinds = [c.kind for c in claims_of(text)]
    assert "strength" not in kinds
    assert "bug" in kinds


@pytest.mark.parametrize(
    "text",
    [
        "可灵2.1几乎没有AI视频常见的肢体扭曲问题。",
        "可灵2.1几乎没有出现肢体扭曲的问题。",
    ],
)
def test_a_flaw_denied_far_back_is_still_praise(text: str) -> None:
    assert [c.kind for c in claims_of(text)] == ["strength"]
