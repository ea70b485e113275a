"""What a negator reaches: quote marks around a word take no room in its window; fewer flaws is no flaw."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored


def _kinds(text: str) -> list[str]:
    return [c.kind for c in scored(claims_of(text))]


@pytest.mark.parametrize(
    "text",
    [
        "Pika 2.2 keeps hands steady, free of the “waxy” flicker we saw before.",
        'Pika 2.2 keeps hands steady, without the "waxy" flicker we saw before.',
        "海螺02的人物动作很顺，没有「果冻感」变形。",
    ],
)
def test_a_flaw_behind_a_quoted_word_is_still_negated(text: str) -> None:
    assert "bug" not in _kinds(text)


def test_fewer_flaws_is_an_improvement_not_a_flaw() -> None:
    assert _kinds("Pika 2.2 renders water with fewer artifacts than the last version.") == ["strength"]


def test_a_flaw_seen_is_still_one() -> None:
    assert _kinds("Pika 2.2 showed “rubbery” glitches in every hand shot.") == ["bug"]
