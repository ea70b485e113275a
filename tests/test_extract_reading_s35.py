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


# ----- v183 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Lightricks’ LTX-2 19B Distilled model generates 5-second, 1080p videos. It shows ghosting.",
        "The Wan 2.1 14B Distilled model generates 5-second videos. It shows ghosting.",
    ],
)
def test_a_word_after_a_registered_model_before_model_is_its_variant_no_model_of_its_own(text: str) -> None:
    models = {m for _, m, _ in _kinds(text)}
    assert models and "Distilled" not in models


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("PIKA1.0一致性稳定的可怕。", "strength"),
        ("PIKA1.0稳定得令人害怕。", "strength"),
        ("PIKA1.0的光影更是表现的极好。", "strength"),
        ("PIKA1.0爆杀市面上所有的AI视频。", "strength"),
        ("Veo 3 doesn't just look realistic, it sounds real too.", "strength"),
        ("With Veo 3 we might have a new king of AI video generation.", "strength"),
        ("There are still those AI hiccups in Veo 3 such as delayed reactions.", "bug"),
        ("Veo 3 did not keep all the voices consistent.", "bug"),
        ("Veo 3 doesn't look realistic.", "bug"),
        ("In Veo 3 the hands don't stay consistent across shots.", "bug"),
    ],
)
def test_praise_and_flaws_in_words_the_lexicon_lacked(text: str, kind: str) -> None:
    assert kind in {k for k, _, _ in _kinds(text)}


@pytest.mark.parametrize(
    "text",
    [
        "PIKA1.0真的可怕，手全崩了。",  # 真的可怕: truly awful, no praise
        "可灵2.1的积分消耗大幅度提升。",  # a rise in cost, no praise
        "可灵2.1的北极熊很积极好动。",  # 极 inside 积极, 北极
        "可灵2.1拍的南极美景。",
        "Veo 3 never looks bad.",  # a flaw denied: no flaw
        "You don't need Veo 3 to look realistic for memes.",
    ],
)
def test_what_those_words_do_not_reach(text: str) -> None:
    kinds = {k for k, _, _ in _kinds(text)}
    if text.startswith("PIKA1.0真的"):
        assert "strength" not in kinds
    else:
        assert "bug" not in kinds and ("strength" not in kinds or "never" in text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "One limitation of Gen-2 that became immediately apparent is the framerate of the "
            "four-second-long videos the model generates.",
            "limitation",
        ),
        ("Runway Gen-2 generates four-second-long videos.", "capability"),
    ],
)
def test_a_sentence_opening_on_a_limitation_limits_what_it_names(text: str, kind: str) -> None:
    assert {k for k, _, _ in _kinds(text) if k in ("capability", "limitation")} == {kind}


def test_a_maximum_in_a_priced_sentence_is_still_offered() -> None:
    text = "Venice 上的 Wan 2.7 API：文本生成视频、图像生成视频，最高 1080p、15s 片段，每秒 $0.11 起。\n"
    caps = [q for m, q in _of("capability", text) if m == "Wan 2.7"]
    assert "最高 1080p、15s 片段" in caps
    # a resolution the price buys is no offer
    assert not _of("capability", "Kling 2.1 costs $0.50 per 5-second clip at 1080p.\n")


def test_a_pricing_column_holds_prices() -> None:
    text = (
        "Vidu Q2 text to video.\n\n💰 Pricing\n| Resolution | Duration | Pricing | \n|---|---|---|\n"
        "| 540p | 1s | $0.10 | \n| 720p | 8s | $0.35 | \n"
    )
    got = [
        (c.model, c.price_usd, c.duration_s, c.resolution)
        for c in scored(claims_of(text))
        if c.kind == "price"
    ]
    assert got == [("Vidu Q2", 0.10, 1.0, "540p"), ("Vidu Q2", 0.35, 8.0, "720p")]


def test_a_header_run_onto_prose_after_a_table_starts_a_table_of_its_own() -> None:
    text = (
        "Seedance 2 API.\n\n| Model | Tier | Moderation |\n|---|---|---|\n"
        "seedance-2 | Pro, higher quality | Strict |\nseedance-2-fast | Fast, lower cost | Strict |\n"
        'Set resolution: "720p" explicitly to preserve output quality.'
        "| Model | Resolution | Price per second |\n"
        "|---|---|---|\n| seedance-2 | 480p | $0.10 |\n| seedance-2-fast | 720p | $0.16 |\n"
    )
    got = [(c.model, c.price_usd) for c in scored(claims_of(text)) if c.kind == "price"]
    assert got == [("Seedance 2.0", 0.10), ("Seedance 2.0 Fast", 0.16)]


def test_a_header_opening_on_a_pipe_inside_a_run_of_rows_stays_a_row() -> None:
    # whose prices the second table holds is unclear: the first table names several models
    text = (
        "| 模型 | API 名称 | 特性 | 价格 (8.5折) |\n|---|---|---|---|\n"
        "| Kling V2.6 | kling-v2-6 | 5s/10s, 文生/图生视频 | $0.0159起 |\n"
        "| Kling V3 | kling-v3 | 3-15s, 文生/图生视频, 按秒计费 | $0.0064/秒起 |\n"
        "| 模式 | 时长 | 音频 | 音色 | $ |\n|---|---|---|---|---|\n"
        "| std | 5s | - | - | $0.0159 |\n| pro | 10s | - | - | $0.0531 |\n"
    )
    got = [c.price_usd for c in scored(claims_of(text)) if c.kind == "price"]
    assert 0.0531 not in got


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("The Kling Avatar model costs $0.50 per 5-second clip.", "Avatar"),  # a product of its own
        ("The Hailuo Speech model costs $0.10 per minute of audio.", "Speech"),
    ],
)
def test_a_product_named_after_a_brand_is_not_the_brand(text: str, model: str) -> None:
    assert {m for _, m, _ in _kinds(text)} == {model}


@pytest.mark.parametrize(
    "text",
    [
        "The main drawback is the price, but Kling 2.1 supports 1080p and 10-second clips.",
        "唯一的缺点是价格贵，但可灵2.1支持1080p和10秒视频。",
        "A limitation of many older models was the lack of audio, but Veo 3 supports 1080p.",
    ],
)
def test_a_limit_named_in_one_clause_does_not_limit_the_next(text: str) -> None:
    assert not [q for k, _, q in _kinds(text) if k == "limitation" and ("1080p" in q or "10" in q)]
    assert [q for k, _, q in _kinds(text) if k == "capability"]


@pytest.mark.parametrize(
    "text",
    [
        "Kling 2.1's biggest limitation is its 720p resolution.",
        "The main limitation of Kling 2.1 is 720p output.",
    ],
)
def test_the_limit_opening_reads_dotted_versions(text: str) -> None:
    assert {(k, m) for k, m, _ in _kinds(text)} == {("limitation", "Kling 2.1")}


@pytest.mark.parametrize(
    "text",
    [
        "Kling 2.1 couldn't look more realistic.",
        "Kling 2.1 never came out anything other than consistent in my tests.",
        "For Veo 3 it doesn't seem to matter if it's realistic.",
        "可灵2.1对提示词的依赖性极强。",
        "这个例子极好地说明了可灵2.1的特点。",
        "Google wants Veo 3 to be the new king, but it isn't there yet.",
    ],
)
def test_idioms_the_new_words_leave_alone(text: str) -> None:
    assert not {k for k, _, _ in _kinds(text)} & {"bug", "strength"}


@pytest.mark.parametrize(
    "text",
    ["可灵2.1免费用户最高 720p，会员每月 66 元可解锁 1080p。", "Veo 3 Fast 最高 720p 每秒 0.15 美元。"],
)
def test_a_maximum_capped_for_a_tier_or_priced_in_its_clause_is_no_offer(text: str) -> None:
    assert not _of("capability", text)


# ----- v184 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Seedance 2.0 mini 计费。目前提供3种资源包规格:1400万Tokens售价196元\n"
        "1000万Tokens售价140元(2个起售)\n",
        "Veo 3 test. In a traditional workflow, I would have spent 30 minutes finding the right stock "
        "track or $200 hiring a composer for a scratch version.\n",
        "Vidu Q2 参数。注意: 启用推荐提示词后,每个任务多消耗1积分\n",
    ],
)
def test_a_pack_a_counterfactual_sum_or_an_extra_charge_is_no_price(text: str) -> None:
    assert not [c for c in scored(claims_of(text)) if c.kind == "price"]


@pytest.mark.parametrize(
    ("text", "model", "usd"),
    [
        ("Kling 2.1 would cost $0.50 per clip.\n", "Kling 2.1", 0.50),
        ("I would have preferred 1080p, but Veo 3 costs $0.75 per second.\n", "Veo 3", 0.75),
        ("On Veo 3 you would have to pay $0.75 per second of video.\n", "Veo 3", 0.75),
        (
            "I would have spent $200 hiring a composer; Veo 3 made the track for $0.75 per second.\n",
            "Veo 3",
            0.75,
        ),
        ("Seedance 1.0 Pro: one 5s 1080p clip uses 246k tokens = $0.62.\n", "Seedance 1.0 Pro", 0.62),
    ],
)
def test_what_a_clip_costs_or_would_cost_is_still_its_price(text: str, model: str, usd: float) -> None:
    claims = scored(claims_of(text))
    assert [(c.model, c.price_usd) for c in claims if c.kind == "price"] == [(model, usd)]
    assert not [c for c in claims if c.kind == "plan_price"]


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("可灵O1 上线。Kling Omni 是业内首个集视频生成与视频编辑于一体的多模态工具。", "Kling O1"),
        (
            "# Kling 3.0 Omni 评测\n可灵3.0 Omni 今天上线。Kling Omni 支持多主体参考和视频编辑。",
            "Kling 3.0 Omni",
        ),
        ("Kling O1 review. Kling O1 Omni supports video editing.", "Kling O1"),
        ("可灵O1 支持视频编辑。", "Kling O1"),
        ("Kling 3.0 Omni supports video editing.", "Kling 3.0 Omni"),
    ],
)
def test_kling_omni_is_the_o1_model(text: str, model: str) -> None:
    assert {m for k, m, _ in _kinds(text) if k == "capability"} == {model}


@pytest.mark.parametrize(
    ("text", "model"),
    [
        (
            "Vidu Q4 是 Shengshu 推出的视频生成模型。"
            "它在 Shengshu 模型阵容中的定位很清楚，支持 3 到 16 秒时长。",
            "Vidu Q4",
        ),
        (
            "Seedance 1.0 Pro is a ByteDance video model for 5 to 10 second clips at up to 1080p.",
            "Seedance 1.0 Pro",
        ),
    ],
)
def test_a_makers_name_before_model_names_no_model(text: str, model: str) -> None:
    assert {m for _, m, _ in _kinds(text)} == {model}


def test_praise_right_before_an_item_of_a_granted_list_makes_it_a_quality() -> None:
    text = "Sora 像是一支来自未来的预告片,拥有惊人的远景调度和沉浸镜头。"
    assert sorted(k for k, m, _ in _kinds(text) if m == "Sora") == ["capability", "strength"]
    # the praise is the first item's, not the list's
    text = "Veo 3 supports excellent lip sync, native audio and 4K output."
    assert len([k for k, _, _ in _kinds(text) if k == "capability"]) >= 2
    # a vendor's "powerful" is a feature claim, not a reviewer's praise
    assert {k for k, _, _ in _kinds("Wan 2.1 具备强大的指令遵循能力和文字生成能力。")} <= {"capability"}


# ----- v185 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "model"),
    [
        ("720p, 1080p | no |", "Veo 3.1"),
        ("720p and 1080p, 24 FPS; extended sequences run at 720p | no |", "Veo 3.1"),
        ("no | 720p, 1080p |", "Sora 2"),
    ],
)
def test_a_row_without_its_opening_pipe_gives_each_model_column_its_cell(cells: str, model: str) -> None:
    # GFM lets a row leave out its opening pipe; a cell holding a comma still belongs to its column
    text = f"Dimension | Google Veo 3.1 | OpenAI Sora 2 |\n---|\nResolution | {cells}\n"
    assert {(k, m) for k, m, _ in _kinds(text)} == {("capability", model)}


@pytest.mark.parametrize(
    "row",
    [
        "Drawbacks | 4K | lip sync |",
        "Weaknesses | lip sync, 4K | hands |",
        "Not supported | lip sync, 4K | 60fps |",
        "Prompt | a cat, 16:9, 1080p | same prompt |",
        "Test settings | 1080p, 8s, 16:9 | 720p, 10s |",
        "I tried 720p, 1080p and 4K | Veo failed at 4K | Sora was fine |",
    ],
)
def test_a_row_without_its_opening_pipe_and_no_spec_label_grants_nothing(row: str) -> None:
    text = f"Dimension | Google Veo 3.1 | OpenAI Sora 2 |\n---|\n{row}\n"
    assert not [k for k, _, _ in _kinds(text) if k == "capability"]
