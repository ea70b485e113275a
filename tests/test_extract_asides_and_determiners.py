"""Models named only in a bracketed aside after a verdict, and determiners before "model"."""

from __future__ import annotations

from tests.extract_helpers import claims_of, scored

SECTION = (
    "## WAN 2.1: The Open-Source Powerhouse\n\n"
    "Wan 2.1 runs locally.\n\n"
    "**Limitations:**\n"
    "- 720p max resolution (Kling and Sora both offer 1080p)\n"
    "- Clip length capped at ~5-6 seconds per generation\n"
)


def test_a_verdict_before_an_aside_naming_other_models_is_the_sections() -> None:
    got = {(c.kind, c.model, c.quote) for c in scored(claims_of(SECTION))}
    assert ("limitation", "Wan 2.1", "720p max resolution") in got
    assert not [g for g in got if g[0] == "limitation" and g[1] != "Wan 2.1"], got


def test_a_determiner_before_model_names_no_model() -> None:
    text = (
        "Wan 2.1 review. Each model handles this differently: it runs locally or via API and supports "
        "both text-to-video and image-to-video generation."
    )
    assert {c.model for c in claims_of(text)} == {"Wan 2.1"}


def test_a_bracket_holding_a_statement_does_not_move_the_topic() -> None:
    got = {(c.kind, c.model, c.quote) for c in scored(claims_of(SECTION))}
    assert ("limitation", "Wan 2.1", "Clip length capped at ~5-6 seconds per generation") in got


def test_a_bracket_holding_only_a_name_still_says_who_the_heading_is() -> None:
    text = "## Standard Version (sora-2) Pricing\n\nIt costs $0.10 per second."
    assert [(c.kind, c.model) for c in claims_of(text)] == [("price", "Sora 2")]
