"""Words that look like a verdict in ordinary text: each cue fires only in the context it stands for.

Every example is written for the rule it tests (none is taken from a gold document).
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored


def _claims(text: str) -> list[tuple[str, str]]:
    return [(c.kind, c.model or "") for c in scored(claims_of(text))]


def _kinds(text: str) -> set[str]:
    return {k for k, _ in _claims(text)}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # ranking words said of the picture or the motion
        ("Vidu Q1的画面细节在同类里领先。", "strength"),
        ("可灵2.1拿出了顶级的画质。", "strength"),
        # the first to achieve something, with the model as subject
        ("Vidu Q1是首个做到多角色口型同步的模型。", "strength"),
        # better than, after a quality noun
        ("海螺02的运动幅度要大于Pika 1.0。", "strength"),
        # a conclusion marker does not hide the verdict after it
        ("海螺02总的来说非常流畅。", "strength"),
        ("可灵2.1测试下来运镜非常稳定。", "strength"),
        # something in the picture vanishes or changes into something else
        ("Vidu Q1里女孩手里的杯子突然丢了。", "bug"),
        ("In Pika 1.0 the horse turned into a deer halfway through.", "bug"),
        ("Runway Gen-4 had the dancer spin the opposite way.", "bug"),
        # limits with a making or control verb
        ("海螺02目前还无法生成清晰的中文招牌。", "limitation"),
        ("Vidu Q1没办法自行调整镜头焦距。", "limitation"),
    ],
)
def test_cue_in_its_context(text: str, kind: str) -> None:
    assert kind in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        # ranking words about a company, a market or a price, not the video
        "快手的股价在港股里领先。",
        "这家公司请来了顶级的律师团队。",
        "双十一的优惠秒杀了一大片用户。",
        "他们的融资规模是一流的。",
        # first or only, with no achievement by the model
        "这是第一个周末。",
        "我是唯一一个没排队的人。",
        # bigger or better than, said of a number or a habit
        "这个月的预算大于上个月。",
        "早点睡总好于熬夜。",
        # cannot, said of the reviewer or the market
        "目前还不能确定发布日期。",
        "我没办法自己去公司一趟。",
        # changes and reversals in the story of the market, not in a picture
        "The startup turned into a unicorn within a year.",
        "The pricing news turns into a headline every week.",
        "Their roadmap is the opposite of what investors expected.",
    ],
)
def test_no_verdict_in_ordinary_text(text: str) -> None:
    assert not _kinds(text) & {"strength", "bug", "limitation"}


def test_just_before_a_feature_is_no_limit() -> None:
    kinds = _kinds("Runway Gen-4 just added a motion brush.")
    assert "limitation" not in kinds and "capability" in kinds


@pytest.mark.parametrize(
    "text",
    [
        "Runway Gen-4 runs ads about lip sync on late-night TV.",
        "My laptop now plays video to video clips smoothly.",
        "I make text-to-video clips every weekend.",
    ],
)
def test_everyday_verbs_grant_no_feature(text: str) -> None:
    assert "capability" not in _kinds(text)


def test_a_domestic_brand_after_a_nationality_word_keeps_its_model() -> None:
    assert ("strength", "Kling") in {(k, m.split()[0]) for k, m in _claims("国产可灵的人物动作非常自然。")}


def test_a_foreign_brand_after_a_nationality_word_names_no_model() -> None:
    assert not any(m.startswith("Sora") for _, m in _claims("这款国产Sora的画面非常细腻。"))


def test_every_model_in_a_such_as_list_keeps_the_claim() -> None:
    models = {m.split()[0] for k, m in _claims("Models such as Veo 3 and Runway Gen-4 look very realistic.")}
    assert {"Veo", "Runway"} <= models


def test_a_feature_word_opening_an_organisation_name_is_no_feature() -> None:
    assert "capability" not in _kinds("原生科技公司今天发布了财报，海螺02也有报道。")
