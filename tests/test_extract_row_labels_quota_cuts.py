"""A row's label in a table whose columns are models names what is compared, not a verdict;
"best in class" is praise; a free quota being cut is a limit, a comparison with cutting one is not."""

from __future__ import annotations

from tests.extract_helpers import claims_of

_TABLE = (
    "| Dimension | Pika 2.2 | Vidu Q1 |\n"
    "|---|---|---|\n"
    "| Character consistency across shots | Best in class | Drifts after 3 shots |\n"
)


def test_a_row_label_in_a_model_table_is_no_verdict() -> None:
    got = [(c.kind, c.model, c.quote) for c in claims_of(_TABLE)]
    assert ("strength", "Pika 2.2", "Character consistency across shots") not in got


def test_best_in_class_in_a_models_cell_is_praise() -> None:
    got = [(c.kind, c.model, c.quote) for c in claims_of(_TABLE)]
    # the first model's cell is quoted from the row's label (what it grades); the next one alone, so that
    # its quote takes in no other model's cell
    assert got == [
        ("strength", "Pika 2.2", "Character consistency across shots | Best in class"),
        ("bug", "Vidu Q1", "Drifts after 3 shots"),
    ]


def test_a_free_quota_being_cut_is_a_limit() -> None:
    got = claims_of("可灵每日免费生成额度将大幅减少。")
    assert [(c.kind, c.model) for c in got] == [("limitation", "Kling")]


def test_unlike_cutting_a_free_quota_is_no_limit() -> None:
    assert [
        c for c in claims_of("与简单取消免费额度不同，可灵这次加了付费档。") if c.kind == "limitation"
    ] == []


def test_a_flaw_word_said_of_a_noun_is_a_flaw() -> None:
    got = claims_of("海螺02的画面很模糊，生硬的说话声。")
    assert [(c.kind, c.model) for c in got if c.kind == "bug"] == [("bug", "Hailuo 02")] * 2


def test_no_stiff_motion_is_praise() -> None:
    assert [c.kind for c in claims_of("可灵2.1 没有僵硬的动作。")] == ["strength"]


def test_a_video_resolution_label_over_its_values_is_a_spec_row() -> None:
    text = "Pika 2.2 review\n\nFeature Details\nMax Video Resolution\n540p & 720p (plan-dependent)\n"
    got = {(c.kind, c.model, c.feature) for c in claims_of(text) if c.kind == "capability"}
    assert got == {("capability", "Pika 2.2", "540p"), ("capability", "Pika 2.2", "720p")}
