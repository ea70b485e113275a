"""Capabilities told as a count of inputs or a cap removed, and praise told as a comparison of
speed or ease (生成速度更快, 简单好用); a lower cost alone stays a price comparison."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored


@pytest.mark.parametrize(
    "text, model",
    [
        ("即梦3.0最多支持上传6张参考图片。", "Jimeng"),
        ("Hailuo 02 accepts up to three reference images per clip.", "Hailuo 02"),
        ("Luma Ray 2 has no length limit on extended clips.", "Luma"),
        ("Hunyuan is now open-sourced on GitHub.", "Hunyuan"),
        ("腾讯宣布正式开源混元视频模型。", "Hunyuan"),
    ],
)
def test_counts_of_inputs_and_caps_removed_are_capabilities(text: str, model: str) -> None:
    got = [(c.kind, c.model) for c in scored(claims_of(text))]
    assert got and all(kind == "capability" for kind, _ in got), got
    assert {(m or "").split(" ")[0] for _, m in got} == {model.split(" ")[0]}


def test_only_so_many_inputs_stays_a_limit() -> None:
    assert [c.kind for c in scored(claims_of("Vidu 最多只能上传2张图片。"))] == ["limitation"]


@pytest.mark.parametrize(
    "text, model",
    [
        ("和海螺比，Vidu Q1出片更快，价格也更低。", "Vidu Q1"),
        ("PixVerse V4 比可灵生成更快。", "PixVerse"),
        ("清影简单好用，新手也能上手。", "Qingying"),
    ],
)
def test_faster_cheaper_easier_is_praise_of_the_subject(text: str, model: str) -> None:
    got = [(c.kind, c.model) for c in scored(claims_of(text))]
    assert got and got[0][0] == "strength" and (got[0][1] or "").startswith(model), got


def test_a_question_or_a_cheaper_price_is_no_praise() -> None:
    assert [c.kind for c in scored(claims_of("可灵比海螺生成更快吗？"))] == []
    assert [c.kind for c in scored(claims_of("可灵2.1算下来还是更便宜了。"))] == []
