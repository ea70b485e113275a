"""Session 40: fixes found by reading the misses of unseen sets of real reviews (each case written
for its mechanism, never copied from a set)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored


def _kinds(text: str) -> list[tuple[str, str | None, str]]:
    return [(c.kind, c.model, c.quote) for c in scored(claims_of(text))]


# ----- a wish is no finding -----


@pytest.mark.parametrize(
    "text",
    [
        "希望海螺以后每个版本都能做得这么稳定。",
        "希望可灵，也希望快手团队，每一步都走得足够扎实。",
        "期待Vidu下个版本的运动更流畅。",
        "I hope Runway gets smoother motion in the next release.",
        "Hopefully Pika fixes the flicker soon.",
        "我们真心希望即梦能修复手指崩坏的问题。",
    ],
)
def test_a_wish_states_no_quality(text: str) -> None:
    assert [c for c in _kinds(text) if c[0] in ("strength", "bug")] == []


@pytest.mark.parametrize(
    "text, kind",
    [
        # a standard met or beaten is no wish
        ("Vidu的运动比我期待的更流畅。", "strength"),
        ("可灵超出了我的期待，运镜很丝滑。", "strength"),
        # a wish in an earlier sentence leaves the next one's verdict
        ("希望海螺继续努力。海螺的人物动作很自然。", "strength"),
        # a wish opening the sentence ends where a clause turns to what is now
        ("希望下个版本能改进，目前可灵的画面还是会闪烁。", "bug"),
        ("I hope Runway improves, but right now the hands still warp.", "bug"),
    ],
)
def test_a_verdict_near_a_wish_stays(text: str, kind: str) -> None:
    assert kind in [c[0] for c in _kinds(text)]


# ----- spans of credits and money are no rate -----


def test_a_row_of_spans_gives_no_credit_rate() -> None:
    text = (
        "| 平台 | 每条消耗 | 单条成本 |\n"
        "|---|---|---|\n"
        "| 可灵 | ~12 积分 | ~¥0.8-4 |\n"
        "| 海螺 | ~30 积分 | ~¥2-6 |\n"
    )
    got = scored(claims_of(text))
    assert [c for c in got if c.kind == "credit_rate"] == []
    credits = sorted((c.model, c.credits, c.price_cny) for c in got if c.kind == "price" and c.credits)
    assert credits == [("Hailuo", 30.0, None), ("Kling", 12.0, None)]


def test_one_amount_of_each_still_gives_a_rate() -> None:
    got = scored(claims_of("可灵的充值比例是10元100积分，生成一条5秒视频要20积分。"))
    assert [c.credits_per_cny for c in got if c.kind == "credit_rate"] == [10.0]


# ----- strengths and weaknesses named together are a topic -----


@pytest.mark.parametrize(
    "text",
    [
        "这个倒茶的例子，很典型地体现了海螺的优点和缺点。",
        "可灵的优缺点都很明显。",
        "Here are the pros and cons of Runway Gen-4.",
        "Below: Veo 3's strengths and weaknesses.",
    ],
)
def test_pros_and_cons_named_together_are_no_verdict(text: str) -> None:
    assert [c for c in _kinds(text) if c[0] in ("strength", "bug")] == []


# ----- a repair still to come leaves the flaw -----


@pytest.mark.parametrize(
    "text",
    ["海螺02还需要修复手指崩坏的问题。", "可灵官方承诺下个版本修复闪烁问题。"],
)
def test_a_repair_still_needed_leaves_the_flaw(text: str) -> None:
    assert "bug" in [c[0] for c in _kinds(text)]


# ----- a graded check mark under a feature's label -----

_GRID = (
    "| 功能 | 可灵 | 海螺 |\n"
    "|---|---|---|\n"
    "| **图生视频** | ✅ 优秀 | ✅ 很强 |\n"
    "| **人物一致性** | ✅ 优秀 | ✅ 支持 |\n"
)


def test_a_graded_mark_under_a_feature_says_the_model_has_it() -> None:
    got = _kinds(_GRID)
    i2v = sorted((k, m) for k, m, q in got if q.startswith("图生视频"))
    assert i2v == [("capability", "Hailuo"), ("capability", "Kling")]
    # one reading per cell: the grade is not read again as praise of its own
    assert not [c for c in got if c[0] == "strength" and c[2].lstrip("| ").startswith("✅")]


def test_a_graded_mark_under_a_quality_is_praise() -> None:
    got = _kinds(_GRID)
    assert ("strength", "Kling") in [(k, m) for k, m, q in got if q.startswith("人物一致性")]


# ----- what is announced to come is no feature yet -----


@pytest.mark.parametrize(
    "text",
    [
        "官方说可灵的图生视频也很快就会上线。",
        "可灵即将支持4K输出。",
        "海螺后续会开放首尾帧功能。",
        "Runway says image-to-video support is coming soon.",
        "Pika will support lip sync next month.",
    ],
)
def test_a_feature_to_come_is_no_capability(text: str) -> None:
    assert [c for c in _kinds(text) if c[0] == "capability"] == []


def test_a_feature_offered_now_is_a_capability() -> None:
    assert [c[0] for c in _kinds("海螺现在支持首尾帧功能。")] == ["capability"]
    assert "capability" in [c[0] for c in _kinds("Pika supports lip sync.")]


# ----- a price per minute of video -----


@pytest.mark.parametrize(
    "text, model, usd",
    [
        ("海螺02通过第三方API定价约3.60美元/分钟。", "Hailuo 02", 3.6),
        ("Runway Gen-4 costs $2.40 per minute of video.", "Runway Gen-4", 2.4),
        ("Veo 3 runs $0.45/min through the API.", "Veo 3", 0.45),
    ],
)
def test_a_price_per_minute_buys_sixty_seconds(text: str, model: str, usd: float) -> None:
    got = [(c.model, c.price_usd, c.duration_s) for c in scored(claims_of(text)) if c.kind == "price"]
    assert got == [(model, usd, 60.0)]


def test_a_price_per_second_still_buys_one() -> None:
    got = [c.duration_s for c in scored(claims_of("Sora 2 is $0.10 per second.")) if c.kind == "price"]
    assert got == [1.0]


# ----- a rate for tokens, input then output -----


def test_input_and_output_token_rates_are_no_video_price() -> None:
    text = "可灵2.1上线了。某语言模型的定价为每100万输入/输出token 0.08/0.30美元。"
    assert [c for c in scored(claims_of(text)) if c.kind == "price"] == []
    clip = "可灵2.1生成一条5秒视频0.5美元。"
    assert [c.price_usd for c in scored(claims_of(clip)) if c.kind == "price"] == [0.5]


# ----- another product's version -----

_DIGEST = (
    "### 1. 可灵发布新功能\n可灵的画面很稳定。\n\n"
    "### 2. IBM Granite 4.0模型生态系统\n> 推理速度很快，定价为每条视频0.5美元。\n"
)


def test_a_version_after_another_products_name_is_not_the_brands() -> None:
    models = {c.model for c in scored(claims_of(_DIGEST))}
    assert models == {"Kling"}


@pytest.mark.parametrize(
    "text, model",
    [
        ("Kling's Video 3.0 is smooth.", "Kling 3.0"),
        ("可灵发布了新模型。The 2.1 version is smooth.", "Kling 2.1"),
    ],
)
def test_a_version_after_a_product_word_stays_the_brands(text: str, model: str) -> None:
    assert model in [c.model for c in scored(claims_of(text))]


# ----- a time read as a speed is no specification too -----


def test_a_generation_time_in_a_list_is_only_a_speed() -> None:
    text = "Veo 3 接口说明。\n正常生成时间:\n  • 排队:视高峰期而定\n  • 生成:3-4 分钟\n"
    got = scored(claims_of(text))
    assert [(c.kind, c.generation_s_min, c.generation_s_max) for c in got] == [("speed", 180.0, 240.0)]


# ----- idioms of "best" that praise nothing -----


@pytest.mark.parametrize(
    "text",
    [
        "海螺这个月的用户增长就是最好的证明。",
        "别家生成的结果，最好的也只能做出一个人站着挥手。",
    ],
)
def test_best_as_proof_or_concession_is_no_praise(text: str) -> None:
    assert [c for c in _kinds(text) if c[0] == "strength"] == []


def test_the_best_model_is_still_praise() -> None:
    assert [c[0] for c in _kinds("可灵是最好的视频模型。")] == ["strength"]


# ----- a parameter named after the prompt introduces no prompt -----


def test_a_parameter_named_prompt_is_no_prompt_label() -> None:
    text = "Veo 3 节点更新。\nenhance_prompt：\n由于 veo 只支持英文提示词，所以需要先翻译。\n"
    assert ("limitation", "Veo 3") in [(c[0], c[1]) for c in _kinds(text)]
    # a real prompt label still marks the next line as the prompt
    quoted = "测试可灵。\nPrompt：\n一只猫在草地上奔跑，画面很流畅。\n"
    assert [c for c in _kinds(quoted) if c[0] == "strength"] == []


# ----- what a wish does not reach (found by a fresh reader) -----


@pytest.mark.parametrize(
    "text, kind",
    [
        ("期待已久的可灵2.1终于上线，运镜非常流畅。", "strength"),
        ("希望大家注意：可灵2.1的手部经常变形。", "bug"),
        ("希望这个对比能帮到大家：Vidu速度最快，画面也很稳定。", "strength"),
        ("期待Veo 3的效果，结果画面一直闪烁。", "bug"),
        ("可灵2.1超乎期待地流畅。", "strength"),
        ("I hope Kling keeps this up — the motion is incredibly smooth.", "strength"),
        ("We hope this helps: Veo 3 has the most realistic physics.", "strength"),
    ],
)
def test_words_to_the_reader_and_turns_to_what_is_are_no_wish(text: str, kind: str) -> None:
    assert kind in [c[0] for c in _kinds(text)]


# ----- announcements, narrowly -----


@pytest.mark.parametrize(
    "text",
    [
        "首尾帧功能预计会让很多创作者受益，可灵支持1080p。",
        "If you upload a reference image, Kling will support it as the first frame.",
    ],
)
def test_a_future_word_not_announcing_a_feature_leaves_it(text: str) -> None:
    assert "capability" in [c[0] for c in _kinds(text)]


# ----- rented time, token pairs and versions after editions -----


def test_a_minute_of_gpu_time_is_no_clip() -> None:
    got = [c for c in scored(claims_of("可灵的训练用A100，按0.02元/分钟计费。")) if c.kind == "price"]
    assert [c.duration_s for c in got if c.duration_s == 60.0] == []


def test_english_token_rate_pairs_are_no_video_price() -> None:
    text = "Veo 3 is great. The text model costs $0.15/$0.60 per million input/output tokens."
    assert [c for c in scored(claims_of(text)) if c.kind == "price"] == []


@pytest.mark.parametrize(
    "text, model",
    [
        ("Kling Master 2.1 is smooth.", "Kling 2.1 Master"),
        ("Luma Dream Machine 1.5 is smooth.", "Luma 1.5"),
    ],
)
def test_a_version_after_an_edition_or_a_longer_name_stays(text: str, model: str) -> None:
    got = [c[1] for c in _kinds(text)]
    assert got and got[0] is not None and got[0] != model.split()[0], got


# ----- a clip's length written as an adjective, and bounds turned by "not" -----


@pytest.mark.parametrize(
    "text, seconds",
    [
        ("Veo 3.1 Fast returned a valid 6-second 1280×720 H.264 video in 80.5 seconds.", 80.5),
        ("Kling generated a 10-second 1080p clip in 3 minutes.", 180.0),
    ],
)
def test_an_adjectival_length_is_the_clips_not_the_wait(text: str, seconds: float) -> None:
    got = [c.generation_s for c in scored(claims_of(text)) if c.kind == "speed"]
    assert got == [seconds]


def test_a_render_time_written_as_an_adjective_is_still_a_speed() -> None:
    got = scored(claims_of("Runway has a 90-second render time for each video."))
    assert [c.generation_s for c in got if c.kind == "speed"] == [90.0]


@pytest.mark.parametrize(
    "text, field, seconds",
    [
        ("On my 4080, Wan 2.2 takes not less than 70 seconds.", "generation_s_min", 70.0),
        ("海螺生成时间不少于3分钟。", "generation_s_min", 180.0),
        ("Kling takes no more than 2 minutes.", "generation_s_max", 120.0),
    ],
)
def test_not_less_than_is_a_lower_bound(text: str, field: str, seconds: float) -> None:
    got = [c for c in scored(claims_of(text)) if c.kind == "speed"]
    assert [getattr(c, field) for c in got] == [seconds]


def test_first_and_last_frames_written_with_a_slash_are_a_feature() -> None:
    got = _kinds("Veo 3.1 Fast supports first/last frames.")
    assert [c[0] for c in got] == ["capability"]


# ----- a platform's row names its model in a later cell -----


def test_a_row_opening_with_a_platform_prices_the_model_it_names() -> None:
    text = (
        "PicMateAI 和 ClipForgeAI 都是创作平台，PicMateAI 上线了很多模型。\n"
        "## 每秒成本\n"
        "| 工具 | 模型 | 每秒 ¥ |\n"
        "|---|---|---|\n"
        "| PicMateAI | 可灵 2.1 | **0.22** |\n"
        "| ClipForgeAI | 海螺 02 | **0.31** |\n"
    )
    got = [(c.model, c.price_cny) for c in scored(claims_of(text)) if c.kind == "price"]
    assert sorted(got) == [("Hailuo 02", 0.31), ("Kling 2.1", 0.22)]


# ----- a length listed with a resolution, a bold maximum length -----


@pytest.mark.parametrize(
    "text",
    [
        "在每个平台上跑你自己的 10 秒、1080p 提示词，对比海螺02的效果。",
        "可灵 支持**最长 30 秒** 的生成时长。",
    ],
)
def test_a_clips_length_is_no_generation_time(text: str) -> None:
    assert [c for c in scored(claims_of(text)) if c.kind == "speed"] == []


def test_a_wait_next_to_a_clips_specification_is_still_a_speed() -> None:
    got = scored(claims_of("海螺02生成一条 6 秒、768p 的视频要等 3 分钟。"))
    assert [c.generation_s for c in got if c.kind == "speed"] == [180.0]


# ----- how long a clip runs is its length -----


@pytest.mark.parametrize(
    "text",
    [
        "Runway suits a take that runs over 20 seconds.",
        "Veo 3.1 is the better choice when you need a single shot that runs longer than 12 seconds.",
        "Hailuo 02 clips lasting up to 10 seconds look clean.",
    ],
)
def test_how_long_a_clip_runs_is_no_generation_time(text: str) -> None:
    assert [c for c in scored(claims_of(text)) if c.kind == "speed"] == []


def test_the_wait_after_a_clip_that_runs_is_still_a_speed() -> None:
    got = scored(claims_of("Kling videos lasting up to 10 seconds take 2 minutes to render."))
    assert [c.generation_s for c in got if c.kind == "speed"] == [120.0]
