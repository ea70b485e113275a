"""Who a later paragraph is about, and what a table row says: a yardstick or a model named in a time
frame does not become the topic of later paragraphs; the title's first model is the document's;
the cells of a row are claims of their own columns; a flattened row's closing time and a
percentile latency row are generation times; a row a clipper broke over two lines keeps its table."""

from __future__ import annotations

from tests.extract_helpers import claims_of


def _pairs(text: str, title: str | None = None) -> list[tuple[str, str | None]]:
    return [(c.kind, c.model) for c in claims_of(text, title=title)]


def test_a_yardstick_does_not_carry_into_later_paragraphs() -> None:
    text = (
        "Vidu Q2 的参考生视频很好用。\n\n"
        "直接按@键就行，比Sora 2的那个@还要丝滑，因为Sora 2只能@人物。\n\n"
        "特别是瓶子上的字，也保持的非常好。\n"
    )
    got = _pairs(text)
    assert ("strength", "Vidu Q2") in got
    assert ("strength", "Sora 2") not in got


def test_a_model_in_a_time_frame_does_not_carry_into_later_paragraphs() -> None:
    text = (
        "Seedance 2.0 有两个点让我很意外。\n\n"
        "这两个点，恰好就是我在 Sora 2 正式发布后最看重的能力。\n\n"
        "在后段你会看到更明显的字形漂移和错字。\n"
    )
    bugs = [m for k, m in _pairs(text) if k == "bug"]
    assert bugs and set(bugs) == {"Seedance 2.0"}


def test_the_first_model_of_a_comparison_title_is_the_documents() -> None:
    text = (
        "Seedance 2 的分镜很稳。Sora 2 也不错，Sora 2 的价格更贵。\n\n"
        "品牌文字\n\n"
        "在后段你会看到更明显的字形漂移和错字。\n"
    )
    title = "深度实测：Seedance 2、Sora 2、Veo 3.1 三模型对比"
    bugs = [(k, m) for k, m in _pairs(text, title) if k == "bug"]
    assert ("bug", "Seedance 2.0") in bugs


TABLE = (
    "| 维度 | Sora 2 | Veo 3.1 |\n"
    "|---|---|---|\n"
    "| 分镜 | Storyboard 能力成熟 | 偶发“语义到动作”偏移 |\n"
    "| 一致性 | 更稳 | 稳定 |\n"
    "| 文字 | 可用 | 可用但后段更容易糊 |\n"
)


def test_each_cell_of_a_row_is_its_own_columns_claim() -> None:
    got = [(c.kind, c.model, c.quote) for c in claims_of(TABLE) if c.kind in ("strength", "bug")]
    assert ("strength", "Sora 2", "分镜 | Storyboard 能力成熟") in got
    assert ("strength", "Sora 2", "一致性 | 更稳") in got
    assert ("strength", "Veo 3.1", "稳定") in got
    assert ("bug", "Veo 3.1", "偶发“语义到动作”偏移") in got
    assert any(k == "bug" and m == "Veo 3.1" and "容易糊" in q for k, m, q in got)
    # no quote takes in another column's cell
    assert all("|" not in q for _, m, q in got if m == "Veo 3.1")


FLAT = (
    "The lineup at a glance\n\n"
    "Model IDReleasedDurationAudioStandout featureAvg. completion\n"
    "kling-2.1May 20255s / 10sNoStandard/pro modes, end-frame control~120s\n"
    "kling-2.1-masterMay 20255s / 10sNoPremium-quality tier of the 2.1 familyNot published\n"
    "kling-2.6Dec 3, 20255s / 10sYes (toggle)First Kling with native synchronized audio~135s\n"
)


def test_a_flattened_rows_closing_time_is_its_generation_time() -> None:
    speeds = {(c.model, c.model_dump().get("generation_s")) for c in claims_of(FLAT) if c.kind == "speed"}
    assert speeds == {("Kling 2.1", 120.0), ("Kling 2.6", 135.0)}


def test_percentile_latency_rows_are_generation_times() -> None:
    text = (
        "| Dimension | Kling v3 | Sora 2 |\n|---|---|---|\n"
        "| p50 latency (5s clip, 1080p) | 38s | 71s |\n"
        "| p95 latency (5s clip, 1080p) | 94s | 187s |\n"
    )
    speeds = sorted(
        (str(c.model), float(c.model_dump()["generation_s"])) for c in claims_of(text) if c.kind == "speed"
    )
    assert speeds == [("Kling 3.0", 38.0), ("Kling 3.0", 94.0), ("Sora 2", 71.0), ("Sora 2", 187.0)]


def test_a_row_broken_over_two_lines_keeps_the_table() -> None:
    text = (
        "| 对比维度 | Veo 3.1 Fast | Veo 3.1 Standard |\n|---|---|---|\n"
        "| 模型标识 | veo-3.1-fast-generate-001 |\nveo-3.1-generate-001 |\n"
        "| 生成速度 | 1 分 13 秒 (8秒视频) | 2 分 41 秒 (8秒视频) |\n"
        "| 定价 | $0.15/秒 | $0.40/秒 |\n"
    )
    got = claims_of(text)
    speeds = {(c.model, c.model_dump().get("generation_s")) for c in got if c.kind == "speed"}
    assert ("Veo 3.1 Fast", 73.0) in speeds
    prices = {(c.model, c.model_dump().get("price_usd")) for c in got if c.kind == "price"}
    assert ("Veo 3.1 Fast", 0.15) in prices
    assert ("Veo 3.1", 0.15) not in prices


def test_jimeng_3_5_pro_is_a_model_of_its_own() -> None:
    assert _pairs("而即梦3.5Pro无需等待，1 分钟之内生成了视频。") == [("speed", "Jimeng 3.5 Pro")]


def test_moving_on_to_a_new_part_returns_to_the_documents_model() -> None:
    part = "Vidu Q2 的参考生视频是这次的主角。\n\n相比之下Vidu Q1的画面很模糊。\n\n"
    moved = [
        (c.kind, c.model)
        for c in claims_of(part + "最后，再来说说大家最关心的价格问题。\n\n画面非常稳定。\n")
    ]
    stayed = [(c.kind, c.model) for c in claims_of(part + "画面非常稳定。\n")]
    assert ("bug", "Vidu Q1") in moved  # 相比之下 (by contrast) makes no yardstick
    assert ("strength", "Vidu Q2") in moved
    assert ("strength", "Vidu Q1") in stayed
    assert not any(k == "bug" and "价格问题" in str(m) for k, m in moved)


RATES = (
    "Kling uses per-second billing on output video duration.\n\n"
    "Kling 3.0 Text-to-Video (3–15 sec)\n"
    "| Resolution | Silent | +Audio | Audio delta |\n|---|---|---|---|\n"
    "| 720p | $0.075 | $0.113 | +$0.038 (+51%) |\n"
    "| 1080p | $0.100 | $0.150 | +$0.050 (+50%) |\n\n"
    "Kling O1 Image-to-Video (fixed)\n"
    "| Duration | Price | Rate |\n|---|---|---|\n"
    "| 5 sec | $0.556 | $0.111/sec |\n| 10 sec | $1.111 | $0.111/sec |\n"
)


def test_money_columns_under_a_model_heading_in_a_text_billed_per_second() -> None:
    got = {
        (
            c.model,
            c.model_dump().get("price_usd"),
            c.model_dump().get("duration_s"),
            c.model_dump().get("resolution"),
        )
        for c in claims_of(RATES)
        if c.kind == "price"
    }
    assert ("Kling 3.0", 0.075, 1.0, "720p") in got
    assert ("Kling 3.0", 0.15, 1.0, "1080p") in got
    assert not any(p in (0.038, 0.05) for _, p, _, _ in got)  # the added amounts are no price
    assert ("Kling O1", 0.556, 5.0, None) in got  # a table's |---| rule is no heading


def test_money_columns_need_a_text_that_bills_per_second() -> None:
    text = RATES.replace("Kling uses per-second billing on output video duration.\n\n", "")
    got = [c for c in claims_of(text) if c.kind == "price" and c.model == "Kling 3.0"]
    assert got == []


def test_an_era_is_no_version() -> None:
    text = "Runway的光影表现真的很好。Runway的运动也很稳定。"
    got = {
        c.model
        for c in claims_of(text, title="我把2.0时代的四家AI视频做了个评测对比")
        if c.kind == "strength"
    }
    assert "Runway Gen-2" not in got


def test_the_model_a_trait_is_shared_with_is_a_yardstick() -> None:
    text = "Veo 3.1 大家期待了很久。\n\n结果最后放出来的版本，是跟Veo3一样，只能生成8s。\n"
    got = [(c.kind, c.model) for c in claims_of(text) if c.kind == "limitation"]
    assert got == [("limitation", "Veo 3.1")]


def test_a_sentence_said_in_brackets_sets_no_topic() -> None:
    text = (
        "Veo 3.1 发布了。\n\n（我测试的都是Veo 3.1和Sora 2 Pro，两边都用的最好的模型）\n\n"
        "画面感觉更油更假了。\n"
    )
    got = [(c.kind, c.model) for c in claims_of(text) if c.kind == "bug"]
    assert got == [("bug", "Veo 3.1")]


def test_ai_video_as_a_subject_is_about_no_model() -> None:
    text = (
        "Veo 3 is the subject here.\n\n"
        "A year ago, AI video meant six seconds of shaky motion and a melting face.\n"
    )
    assert [c for c in claims_of(text) if c.kind == "bug"] == []


def test_a_look_at_an_example_is_no_new_part_and_a_heading_part_goes_on() -> None:
    looked = "Vidu Q2 是主角。\n\n相比之下Vidu Q1的画面很模糊。\n\n看看下面这个case。\n\n画面非常稳定。\n"
    assert ("strength", "Vidu Q1") in [(c.kind, c.model) for c in claims_of(looked)]
    headed = "Vidu Q2 是主角。\n\n## Vidu Q1\n\n最后，再来说说它的画面。\n\n画面非常稳定。\n"
    assert ("strength", "Vidu Q1") in [(c.kind, c.model) for c in claims_of(headed)]
