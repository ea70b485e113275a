"""News round-ups that name language models beside video models, prices that are rates for
tokens or for a thousand calls, an edition named in brackets after an amount, the two ends of a
range paired with two resolutions, and table columns headed by a clip length."""

from __future__ import annotations

import pytest

from tests.extract_helpers import kinds_models, price_rows

# ----- language models in a news round-up -----
ROUND_UP = (
    "Sora 2 发布，支持同步音频。\n\n"
    "### 2. [Claude 4.5 Haiku发布](https://example.com/a)\n"
    "> Anthropic发布性价比更高的Claude 4.5 Haiku模型，定价为每100万输入token 1美元，比Sonnet 4.5便宜3倍。\n\n"
    "> 同时支持多模型同时聊天的模型集成功能。\n\n"
    "### 3. [智谱GLM-4.6开源发布](https://example.com/b)\n"
    "> 智谱AI发布GLM-4.6模型，支持200K上下文，同时比4.5版本减少约15%的token消耗。\n"
)


def test_what_a_round_up_says_of_language_models_goes_to_nobody() -> None:
    assert kinds_models(ROUND_UP) == [("capability", "Sora 2")]


@pytest.mark.parametrize(
    "item",
    [
        "新的GPT-5驱动网络搜索API价格降至10美元/千次调用（降价60%）。",
        "DeepSeek-R1 在推理任务上表现优异，速度很快。",
        "Gemini 2.5 Pro now supports a 1M context and scores well on coding.",
    ],
)
def test_a_round_up_item_about_a_language_model_is_no_claim_of_the_video_model(item: str) -> None:
    text = f"可灵2.1发布了。\n\n### 2. [今日要闻](https://example.com/a)\n> {item}\n"
    assert kinds_models(text) == []


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Kling 2.1 review. Unlike DeepSeek, it costs $0.50 per clip.", ("price", "Kling 2.1")),
        (
            "Kling 2.1 review. I wrote the prompt with GPT-4o, and the motion is very smooth.",
            ("strength", "Kling 2.1"),
        ),
        ("可灵2.1 评测。我用 GPT-4o 写了提示词，生成的画面非常稳定。", ("strength", "Kling 2.1")),
        ("可灵2.1测试，提示词用GPT-4写的，画面很稳定。", ("strength", "Kling 2.1")),
    ],
)
def test_a_language_model_used_or_compared_in_a_review_leaves_the_claim_to_the_video_model(
    text: str, claim: tuple[str, str]
) -> None:
    assert kinds_models(text) == [claim]


def test_a_language_model_named_as_an_era_is_no_subject() -> None:
    text = (
        "Seedance 2.0 体验。那个我们喊了两年的「视频行业 GPT-3.5 时刻」,好像真的要来了。"
        "它的动作流畅度毫无违和感。"
    )
    assert kinds_models(text) == [("strength", "Seedance 2.0")]
    assert kinds_models("可灵2.1 评测。这就是视频生成的 GPT-3.5 时刻，画面非常稳定。") == [
        ("strength", "Kling 2.1")
    ]


def test_a_language_model_named_in_passing_does_not_take_the_paragraph() -> None:
    text = "可灵2.1的提示词可以先用 GPT-4o 润色一下。画面的质感非常细腻，运镜也很丝滑。"
    assert ("strength", "Kling 2.1") in kinds_models(text)


# ----- rates for tokens or for a thousand calls -----
@pytest.mark.parametrize(
    "text",
    [
        "Seedance 1.0 Pro 的价格为15元/百万tokens。",
        "Seedance 1.0 Pro: $2.5 per million tokens.",
        "Sora 2 API costs $10 per 1,000 requests.",
        "可灵API价格为10美元/千次调用。",
        "可灵2.1每100万输入token 1美元。",
    ],
)
def test_a_rate_for_tokens_or_a_thousand_calls_is_no_price(text: str) -> None:
    assert price_rows(text) == []


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("可灵2.1 API 10元/次。", 10.0),
        ("Veo 3 API: $0.5 per request.", 0.5),
        ("Seedance 1.0 Pro 按 token 计费，生成一条5秒1080P视频大约3.67元。", 3.67),
    ],
)
def test_a_price_of_one_call_or_one_clip_stays(text: str, amount: float) -> None:
    assert [a for _m, a, _d, _r in price_rows(text)] == [amount]


# ----- editions and resolutions beside an amount -----
TIERS = (
    "Veo 3.1 API prices.\n"
    "- Google direct: $0.05/sec (Lite 720p), $0.10–$0.12/sec (Fast 720p/1080p), $0.40/sec (Standard 1080p).\n"
)


def test_an_edition_in_brackets_after_an_amount_names_the_model() -> None:
    assert [m for m, *_ in price_rows(TIERS)] == ["Veo 3.1 Lite", "Veo 3.1 Fast", "Veo 3.1 Fast", "Veo 3.1"]


def test_a_remark_in_brackets_after_an_amount_names_no_edition() -> None:
    assert [m for m, *_ in price_rows("Veo 3.1 costs $0.40/sec (fast would be cheaper).")] == ["Veo 3.1"]


def test_the_ends_of_a_range_take_two_resolutions_in_order() -> None:
    assert [(a, r) for _m, a, _d, r in price_rows(TIERS)][1:3] == [(0.1, "720p"), (0.12, "1080p")]
    assert [(a, r) for _m, a, _d, r in price_rows("可灵2.1 的价格为 20-40 灵感值（720p/1080p）。")] == [
        (20.0, "720p"),
        (40.0, "1080p"),
    ]


def test_one_resolution_after_a_range_is_both_ends() -> None:
    assert [r for *_x, r in price_rows("可灵2.1 的价格为 20-40 灵感值（1080p）。")] == ["1080p", "1080p"]


# ----- columns headed by a clip length -----
def test_a_column_headed_by_a_clip_length_and_a_noun_prices_that_clip() -> None:
    text = (
        "| Model | Resolution | Per second | 5s Video | 10s Video |\n"
        "|---|---|---|---|---|\n"
        "| Sora 2 | 720p | $0.10 | $0.50 | $1.00 |\n"
        "| Sora 2 Pro | 1024p | $0.50 | $2.50 | $5.00 |\n"
    )
    assert price_rows(text) == [
        ("Sora 2", 0.1, 1.0, "720p"),
        ("Sora 2", 0.5, 5.0, "720p"),
        ("Sora 2", 1.0, 10.0, "720p"),
        ("Sora 2 Pro", 0.5, 1.0, "1024p"),
        ("Sora 2 Pro", 2.5, 5.0, "1024p"),
        ("Sora 2 Pro", 5.0, 10.0, "1024p"),
    ]


# ----- headings that link elsewhere or only name what follows -----
def test_a_heading_linking_to_another_page_opens_an_item_about_something_else() -> None:
    text = (
        "Veo 3.1 发布，支持音频。\n\n"
        "### 5. [Meta发布强化学习扩展定律研究](https://example.com/status/1)\n"
        "> Meta发布系统性研究，提供更好的开发工具集成和代理功能支持。\n\n"
        "### 6. [Veo 3.1 更新](https://example.com/status/2)\n"
        "> 提供更清晰的真实感。\n"
    )
    assert kinds_models(text) == [("capability", "Veo 3.1"), ("strength", "Veo 3.1")]


@pytest.mark.parametrize(
    "heading",
    [
        "01 可灵的亮眼和局限",
        "案例一、人物崩坏(The Uncanny Face)",
        "### Problem 2: Flicker",
        "## Pros and cons",
    ],
)
def test_a_heading_that_names_what_its_section_tells_is_no_verdict(heading: str) -> None:
    text = f"可灵2.1评测。\n\n{heading}\n\n可灵2.1的运镜非常丝滑。\n"
    assert kinds_models(text) == [("strength", "Kling 2.1")]


# ----- English verdicts found in user reports -----
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("In Seedance 2.0 there is a lack of blinking.", "bug"),
        ("The faces in Seedance 2.0 videos look oddly similar.", "bug"),
        ("Veo 3 output is a lot of stuff that screams AI.", "bug"),
        ("The clip from Kling 2.1 looks AI-generated.", "bug"),
        ("The dialogue in Seedance 2.0 clips feels stilted.", "bug"),
        ("Sora 2 looks frighteningly real.", "strength"),
        ("This is where Sora 2 became unsettlingly real.", "strength"),
        ("Sora 2 looks so real.", "strength"),
        ("The Seedance 2.0 colours are almost enchanting.", "strength"),
    ],
)
def test_english_verdicts_from_user_reports(text: str, kind: str) -> None:
    model = next(m for m in ("Seedance 2.0", "Veo 3", "Kling 2.1", "Sora 2") if m in text)
    assert kinds_models(text) == [(kind, model)]


def test_a_scene_that_is_eerie_is_no_flaw() -> None:
    assert kinds_models("Kling 2.1 handled the eerie lighting of the haunted house well.") == [
        ("strength", "Kling 2.1")
    ]


def test_praise_that_needs_training_first_is_no_strength() -> None:
    text = "Hunyuan NSFW generation is poor out of the box, it needs training or LoRAs to do this well."
    assert "strength" not in [k for k, _m in kinds_models(text)]


# ----- what a model is barred from, or does not offer -----
@pytest.mark.parametrize(
    "text",
    [
        "Sora 2 嚴禁生成公眾人物。",
        "Seedance 2.0 全面禁止任何真人人脸上传。",
        "Seedance 2.0 真人被ban掉了。",
        "Midjourney V1 并未提供免费额度。",
        "可灵2.1没有提供4K输出。",
    ],
)
def test_a_prohibition_or_an_offer_denied_is_a_limitation(text: str) -> None:
    model = (
        next(m for m in ("Sora 2", "Seedance 2.0", "Midjourney V1") if m in text)
        if "可灵" not in text
        else "Kling 2.1"
    )
    assert kinds_models(text) == [("limitation", model)]


def test_something_the_vendor_did_not_provide_is_no_limitation_of_the_model() -> None:
    assert kinds_models("可灵2.1 测试。官方未提供这次对比的原始视频，画面非常稳定。") == [
        ("strength", "Kling 2.1")
    ]


# ----- a clip length held to a cap -----
@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("Sora 2 限制在 10 秒以內。", "Sora 2"),
        ("Vidu Q1 固定输出 5 秒。", "Vidu Q1"),
        ("Sora 2 生成时长上限 8 秒。", "Sora 2"),
        ("Sora 2 时长上限为 20 秒。", "Sora 2"),
    ],
)
def test_a_length_held_to_a_cap_is_a_limitation_not_a_speed(text: str, model: str) -> None:
    assert kinds_models(text) == [("limitation", model)]
