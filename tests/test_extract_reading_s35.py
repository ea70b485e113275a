"""Cases from session 35's reading of real pages: a lead-in ending on a verb of offering opens a
list of features, an enumeration set one item a line without marks, minutes a video as the time a
generation takes, and the LTX-Video family named as its maker names it."""

from __future__ import annotations

import pytest

from ingest.extract.registry import load_registry
from tests.extract_helpers import claims_of, scored


def _kinds(text: str, title: str | None = None) -> list[tuple[str, str | None, str]]:
    return [(c.kind, c.model, c.quote) for c in scored(claims_of(text, title=title))]


def _of(kind: str, text: str, title: str | None = None) -> list[tuple[str | None, str]]:
    return [(m, q) for k, m, q in _kinds(text, title) if k == kind]


# ----- a lead-in ending on a verb of offering ----------------------------------------------------


@pytest.mark.parametrize(
    "intro",
    ["Beyond characters, Gen-4 maintains:", "The update adds:", "Runway Gen-4 now includes:"],
)
def test_a_lead_in_ending_on_a_verb_of_offering_opens_a_feature_list(intro: str) -> None:
    text = (
        "Runway Gen-4 review.\n\n"
        f"{intro}\n\n"
        "  • Environmental continuity: the same room looks the same across cuts\n"
        "  • Lighting coherence: day and night conditions stay stable\n"
    )
    caps = _of("capability", text)
    assert ("Runway Gen-4", "Environmental continuity: the same room looks the same across cuts") in caps
    assert ("Runway Gen-4", "Lighting coherence: day and night conditions stay stable") in caps


@pytest.mark.parametrize(
    "intro",
    [
        "Reviewers found these problems in Gen-4's output, and it adds:",  # flaws named in the lead
        "In my tests Gen-4 includes:",  # what was tested
    ],
)
def test_a_lead_in_naming_flaws_or_tests_opens_no_feature_list(intro: str) -> None:
    text = f"Runway Gen-4 review.\n\n{intro}\n\n  • Environmental continuity\n  • Lighting coherence\n"
    assert not [q for _, q in _of("capability", text) if q.startswith(("Environmental", "Lighting"))]


# ----- an enumeration one item a line, without marks ----------------------------------------------


def test_an_enumeration_set_one_item_a_line_after_a_granting_lead_in() -> None:
    text = "PIKA1.0支持3种方式生成视频：\n文生视频、\n图生视频、\n视频转视频。\n\n右下角是3个新的设置。\n"
    caps = _of("capability", text)
    assert [q for m, q in caps if m == "Pika 1.0"] == ["文生视频、", "图生视频、", "视频转视频"]


def test_unmarked_lines_without_end_marks_go_on_until_a_blank_line() -> None:
    text = (
        "Runway Gen-4 offers:\nCamera movement controls\nMotion intensity sliders\n\n"
        "Next, the pricing, which we look at below in some detail.\n"
    )
    caps = [q for m, q in _of("capability", text) if m == "Runway Gen-4"]
    assert caps == ["Camera movement controls", "Motion intensity sliders"]


@pytest.mark.parametrize(
    "after",
    [
        # a long line after the colon is prose, no item
        "It is a long sentence that goes on about how the model behaves in practice over many runs.\n",
        # a table separator is no item
        "|---|---|---|\n",
        # a line opening a list of its own
        "Camera tools:\n",
    ],
)
def test_what_is_no_unmarked_item(after: str) -> None:
    text = f"Runway Gen-4 offers:\n{after}"
    head = after.strip().rstrip(":")
    assert not [q for _, q in _of("capability", text) if q.strip() == after.strip() or q == head]


def test_after_a_sentence_ending_the_list_the_next_line_is_no_item() -> None:
    text = "Kling 3.0 支持以下功能：\n多镜头叙事。\n官方还没有说明价格\n"
    caps = [q for _, q in _of("capability", text)]
    assert "多镜头叙事" in caps
    assert not [q for q in caps if "价格" in q]


@pytest.mark.parametrize(
    ("text", "item", "kind"),
    [
        # a heading after the bare list opens a list of its own
        (
            "Kling 2.1 adds:\nMotion brush\nLimitations\n- Queues at peak hours\n",
            "Queues at peak hours",
            "limitation",
        ),
        ("Kling 2.1 specs:\n1080p output\nDrawbacks\n- Hands melt\n", "Hands melt", "bug"),
        # a lead-in naming limits or flaws before 包括 / includes opens no feature list
        ("可灵2.1主要限制包括：\n- 需要排队\n", "需要排队", "limitation"),
        ("可灵2.1目前的短板包括：\n- 手部经常变形\n", "手部经常变形", "bug"),
        # a labelled answer is read by the rule for such rows
        ("可灵2.1参数：\n音频：不支持\n", "音频：不支持", "limitation"),
    ],
)
def test_lines_the_bare_list_does_not_take(text: str, item: str, kind: str) -> None:
    got = {(k, q) for k, _, q in _kinds(text)}
    assert (kind, item) in got
    assert ("capability", item) not in got
    assert ("capability", "Limitations") not in got and ("capability", "Drawbacks") not in got


@pytest.mark.parametrize(
    "text",
    [
        "可灵2.1这次新增了：\n运动笔刷\n我第一时间去试了\n大家快去试试\n",
        "Runway Gen-4 offers:\nMotion brush\nI tried it on three prompts\n",
    ],
)
def test_a_line_of_prose_is_no_bare_item(text: str) -> None:
    caps = [q for _, q in _of("capability", text)]
    assert caps == ["运动笔刷"] or caps == ["Motion brush"]


# ----- minutes a video ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("WAN Animate 在 RTX 3090 上 4.2 分钟/视频。", 252.0),
        ("Wan Animate on an RTX 3090: 4.2 min/video.", 252.0),
        ("Wan Animate on an RTX 3090: 3 minutes per clip.", 180.0),
        ("GPU 测试。\n\nWan 2.2\nRTX 4090 24GB 3.1 分钟/视频 2 帧 7.8/10\n", 186.0),
    ],
)
def test_minutes_a_video_are_the_time_a_generation_takes(text: str, seconds: float) -> None:
    speeds = [c for c in scored(claims_of(text)) if c.kind == "speed"]
    assert [c.generation_s for c in speeds] == [seconds]
    assert speeds[0].model is not None and speeds[0].model.startswith("Wan")


@pytest.mark.parametrize(
    "text",
    [
        "Veo 3 offers 8 seconds per video.",  # seconds a video: a clip's length
        "The team spent 3 hours per video edit session on Kling 2.1.",  # minutes of another task
        "用可灵2.1，我花了2小时/视频写提示词。",  # a person's time
        "| 模型 | 最长时长 |\n|---|---|\n| 可灵3.0 | 2分钟/视频 |\n",  # a length column, no hardware
        "可灵3.0规格：1080p，3分钟/视频，原生音效。",  # a spec line
        "Kling 3.0: 3 minutes per video, 1080p, native audio.",
        "The team spent 3 hours on each video edit session with Kling 2.1 on an RTX 4090.",
        "Our Runway Gen-4 workflow on one GPU: 45 minutes storyboarding per video.",  # not the unit's tail
    ],
)
def test_what_is_no_time_per_video(text: str) -> None:
    assert not [c for c in scored(claims_of(text)) if c.kind == "speed"]


# ----- the LTX-Video family ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("LTX-Video shows ghosting around hands.", "LTX-Video"),
        ("LTXV shows ghosting around hands.", "LTX-Video"),
        ("LTX Video shows ghosting around hands.", "LTX-Video"),
        ("LTX-2 shows ghosting around hands.", "LTX 2"),
        ("LTX-2.3 shows ghosting around hands.", "LTX 2.3"),
        ("LTX 2.7 shows ghosting around hands.", "LTX 2.7"),
    ],
)
def test_the_ltx_family_is_named_ltx_video_and_its_versions_as_written(text: str, model: str) -> None:
    assert {m for k, m, _ in _kinds(text) if k == "bug"} == {model}


def test_a_version_named_the_way_a_brand_writes_its_versions_belongs_to_the_brand() -> None:
    reg = load_registry()
    brand = reg.brand_of("LTX 2.7")  # a version the registry does not list
    assert brand is not None and brand.name == "LTX-Video"
    assert reg.brand_of("LTX-Video") is brand
