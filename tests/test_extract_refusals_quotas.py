"""Refusals, content rules and quotas as limitations; slang praise not read inside another word; a
heading that asks; an edition word run into its version."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of


def _kinds(text: str) -> list[str]:
    return [c.kind for c in claims_of(text) if c.kind != "release"]


@pytest.mark.parametrize(
    "text",
    [
        "可灵2.1也有内容政策的限制，露肤多一点的图它就会拒绝生成。",
        "海螺02的提示词直接被拦截了，换了三种说法都不行。",
        "Veo 3 refuses to generate anything that shows a real politician.",
        "Kling 2.1 won't generate clips of public figures at all.",
    ],
)
def test_a_refusal_or_a_content_rule_is_a_limitation(text: str) -> None:
    assert _kinds(text) == ["limitation"]


def test_a_quota_with_an_adverb_before_only_is_a_limitation() -> None:
    assert "limitation" in _kinds("就算开了会员，即梦一天也只能做5条视频。")


def test_praise_slang_inside_refused_is_no_praise() -> None:
    kinds = _kinds("我让可灵2.1生成一段拳击比赛，结果就被拒绝了。")
    assert "strength" not in kinds and "bug" not in kinds


@pytest.mark.parametrize("heading", ["## 可灵2.1到底强在哪？", "## Where does Kling 2.1 shine?"])
def test_a_heading_that_asks_gives_no_verdict(heading: str) -> None:
    text = f"{heading}\n\n它的运镜非常流畅。\n"
    assert [(c.kind, c.quote) for c in claims_of(text) if c.kind == "strength"] == [
        ("strength", "它的运镜非常流畅")
    ]


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("海螺2.3Fast 生成一条 6 秒视频大约要 40 秒。", "Hailuo 2.3 Fast"),
        ("Kling 2.1Master takes about 4 minutes per clip.", "Kling 2.1 Master"),
    ],
)
def test_an_edition_run_into_its_version_is_read(text: str, model: str) -> None:
    assert [c.model for c in claims_of(text) if c.kind == "speed"] == [model]


def test_items_of_a_checklist_under_a_model_are_verdicts_the_mark_says_which_way() -> None:
    text = "Hailuo 02 实测结果:\n- 风吹起的窗帘摆动自然 ✅\n- 猫跳上桌子落点准确 ✅\n- 杯子里的水位 ❌\n"
    got = [(c.kind, c.quote.strip(" ✅❌")) for c in claims_of(text) if c.kind in ("strength", "bug")]
    assert got == [
        ("strength", "风吹起的窗帘摆动自然"),
        ("strength", "猫跳上桌子落点准确"),
        ("bug", "杯子里的水位"),
    ]


def test_a_line_of_prose_ending_in_a_mark_is_no_checklist_verdict() -> None:
    text = "Hailuo 02 实测结果如下，我们一项项来看 ✅\n"
    assert not [c for c in claims_of(text) if c.kind in ("strength", "bug")]


def test_a_verdict_lead_inside_a_line_lists_its_items() -> None:
    text = (
        "What Vidu Q1 does well, in my tests: crisp anime linework, stable faces, and smooth pans. "
        "Where it struggles: fast hand motion and small text on signs."
    )
    got = [(c.kind, c.quote) for c in claims_of(text) if c.kind in ("strength", "bug")]
    assert [k for k, _ in got] == ["strength", "strength", "strength", "bug"]
    assert any("stable faces" in q for _, q in got[:3]) and "small text" in got[3][1]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Vidu Q1 has a ceiling of 8 seconds per clip, but it renders slowly.", "capability"),
        ("Pika 2.0 caps at 10 seconds per clip.", "limitation"),
    ],
)
def test_a_ceiling_or_a_cap_on_length_is_no_generation_time(text: str, kind: str) -> None:
    kinds = _kinds(text)
    assert kind in kinds and "speed" not in kinds


def test_a_model_named_in_an_aside_does_not_become_the_topic() -> None:
    text = "Veo 3 (and Veo 3 Fast) is Google's newest video model. It produces clips of 8 seconds."
    assert {c.model for c in claims_of(text) if c.kind == "capability"} == {"Veo 3"}


def test_a_flaw_denied_across_a_phrase_of_place_is_praise() -> None:
    assert _kinds("海螺02的角色不会在不同的镜头之间突然变脸。") == ["strength"]
    assert _kinds("海螺02在复杂的运动场景中经常变脸。") == ["bug"]


@pytest.mark.parametrize(
    "text",
    [
        "Vidu Q1 上手很简单：只需要在框里输入一段描述，即可生成一段视频。",
        "PixVerse V2 可以透过文字 prompt 生成影片。",
        "Vidu Q1 turns out short clips from a single image in under a minute.",
    ],
)
def test_the_input_a_video_is_made_from_is_a_capability(text: str) -> None:
    assert "capability" in _kinds(text)


def test_a_prompt_quoted_as_what_ai_makes_in_general_is_no_capability() -> None:
    text = "Vidu Q1 来了。过去的AI不过是根据提示词“抽卡”式生成诡异短片的工具。"
    assert "capability" not in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Vidu Q1 is unbeatable on cost per clip.",
        "Hailuo 02 still wins dance scenes with fast footwork.",
        "For most teams, Veo 3 is the safest default.",
        "PixVerse V4 is good value for social clips.",
    ],
)
def test_english_verdicts_without_a_stock_adjective_are_praise(text: str) -> None:
    assert _kinds(text) == ["strength"]


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("Vidu Q1 is Shengshu's newest image-to-video model.", "image-to-video"),
        ("混元是腾讯推出的文本到视频大模型。", "文本到视频"),
    ],
)
def test_the_kind_of_model_it_is_names_what_it_does(text: str, feature: str) -> None:
    assert [c.feature for c in claims_of(text) if c.kind == "capability"] == [feature]


def test_a_field_of_models_named_by_a_feature_is_no_capability() -> None:
    text = "Hailuo 02 在同类的人脸参考模型里只算中游。"
    assert "capability" not in _kinds(text)


def test_the_topic_stays_when_a_sentence_names_it_beside_another_model() -> None:
    text = (
        "Veo 3 is Google's flagship model. It costs $0.40/sec for Veo 3 and $0.15/sec for Veo 3 Fast. "
        "Generation time is 60–90 seconds for typical prompts."
    )
    assert [c.model for c in claims_of(text) if c.kind == "speed"] == ["Veo 3"]


@pytest.mark.parametrize(
    "text", ["Wan 2.2 的 480p 模式仅需 8GB 显存。", "Wan 2.2 发布了。核心问题是：普通人用得上吗？"]
)
def test_a_small_need_or_a_key_question_is_no_flaw_or_limit(text: str) -> None:
    assert not [k for k in _kinds(text) if k in ("limitation", "bug")]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Hailuo 02: the snow drifts slowly past the lamp.", []),
        ("Hailuo 02: faces drift after four seconds.", ["bug"]),
        ("Wan 2.1 用新的注意力机制，有效解决物体形变、运动不连贯等问题。", ["strength"]),
    ],
)
def test_drift_and_solved_flaws(text: str, kinds: list[str]) -> None:
    assert _kinds(text) == kinds


@pytest.mark.parametrize(
    "text",
    ["Veo 3: the maximum video length is 8 seconds.", "Vidu Q1 clips are extendable to about 16 seconds."],
)
def test_a_stated_maximum_is_a_clip_length(text: str) -> None:
    kinds = _kinds(text)
    assert "capability" in kinds and "speed" not in kinds


def test_an_aside_giving_the_version_of_a_bare_brand_names_who_it_is() -> None:
    text = "在可灵2.1之前，快手的可灵（就是可灵1.6）已经能做图生视频。它还存在手部变形等问题。"
    assert {c.model for c in claims_of(text) if c.kind == "bug"} == {"Kling 1.6"}


def test_striking_realism_is_praise_and_an_anomaly_talked_about_is_no_flaw() -> None:
    assert _kinds("Hailuo 02: the fabric detail and realism are striking.") == ["strength"]
    assert "bug" not in _kinds("Vidu Q1 火了。这次的异常点不在于它火了，而在于谁在用。")


def test_a_model_named_as_a_likeness_is_no_subject() -> None:
    text = "可灵发布了。该模型采用了类Sora的技术路线，能够生成长达2分钟、30fps的1080p视频。"
    got = {(c.kind, c.model) for c in claims_of(text) if c.kind in ("capability", "speed")}
    assert got == {("capability", "Kling")}


def test_a_wait_as_long_as_is_a_generation_time_and_as_long_as_alone_a_length() -> None:
    assert _kinds("海螺02生成一条视频要等长达10分钟。") == ["speed"]
    assert _kinds("海螺02能够生成长达10秒、25fps的视频。") == ["capability", "capability"]


def test_only_needing_memory_written_with_xu_yao_is_no_limit() -> None:
    assert "limitation" not in _kinds("Wan 2.2 的 480p 模式只需要 12GB 显存。")


@pytest.mark.parametrize(
    "text",
    ["我让可灵2.1生成一段拳击比赛，它拒绝了我的请求。", "Veo 3 拒绝了生成含有名人的视频。"],
)
def test_a_refusal_told_in_the_past_is_a_limitation(text: str) -> None:
    assert "limitation" in _kinds(text)


def test_refusing_something_else_is_no_limitation() -> None:
    assert _kinds("可灵2.1发布会上，快手拒绝了这个报价。") == []
