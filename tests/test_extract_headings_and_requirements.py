"""Headings kept as headings (a note's own ## lines, a name with a note in brackets, list items
under them), suggestions that are no comparison, and requirements told as minimums or quotas."""

from __future__ import annotations

import pytest

from ingest.extract import extract_document
from ingest.parsers.clip import parse_clip_note
from tests.extract_helpers import claims_of, kinds_models, price_rows, scored

API_PAGE = (
    "OpenAI offers two models.\n\n"
    "Sora 2 (Standard Edition)\n\n"
    "  • Model Identifier: sora-2\n"
    "  • Pricing: $0.10/second\n\n"
    "Sora 2 Pro (Professional Edition)\n\n"
    "  • Model Identifier: sora-2-pro\n"
    "  • Supported Resolutions:\n"
    "    • Portrait 720×1280 ($0.30/second)\n"
    "    • Portrait HD 1024×1792 ($0.50/second)\n"
)


def test_a_heading_with_a_note_in_brackets_owns_the_list_under_it() -> None:
    rows = [(model, usd) for model, usd, _, _ in price_rows(API_PAGE)]
    assert rows == [("Sora 2", 0.1), ("Sora 2 Pro", 0.3), ("Sora 2 Pro", 0.5)]


def test_a_list_naming_its_headings_model_again_keeps_the_heading() -> None:
    text = (
        "Sora 2 Pro\n\n  • Model Identifier: sora-2-pro\n  • Supported Resolutions:\n"
        "    • Portrait 720×1280 ($0.30/second)\n"
    )
    assert [row[0] for row in price_rows(text)] == ["Sora 2 Pro"]


def _note(body: str) -> bytes:
    return f"---\ntitle: t\n---\n\n## 正文\n\n{body}\n".encode()


def test_an_articles_own_heading_keeps_its_mark_and_holds_no_claim() -> None:
    body = (
        "Seedance 2.0 的画面很好看。\n\n## 常见问题排查：为什么视频动作不自然？\n\n"
        "Seedance 2.0 的动作很流畅。"
    )
    doc = parse_clip_note(_note(body), "n.md")
    assert "## 常见问题排查" in doc.text
    got = [(c.kind, c.quote) for c in scored(extract_document(doc, "n.md"))]
    assert got == [("strength", "Seedance 2.0 的画面很好看"), ("strength", "Seedance 2.0 的动作很流畅")]


def test_a_section_run_onto_its_heading_line_stays_text() -> None:
    body = "## Content " + "Kling 2.1 has stiff motion and weird hands in most clips. " * 3
    doc = parse_clip_note(_note(body), "n.md")
    assert not doc.text.startswith("#")
    assert ("bug", "Kling 2.1") in {(c.kind, c.model) for c in extract_document(doc, "n.md")}


@pytest.mark.parametrize(
    "text",
    [
        "Veo 3 生成的影片，不如**直接拿来做成个人动态桌布**，刚刚好。",
        "可灵1.6：下次甲方让你设计广告时候，不如把视频倒放。",
        "Seedance 2.0：写了「跟着音乐跳」，就会真的卡点吗？",
    ],
)
def test_a_suggestion_or_beat_sync_is_no_flaw(text: str) -> None:
    assert [k for k, _ in kinds_models(text)] == []


def test_worse_than_another_is_still_a_flaw() -> None:
    assert kinds_models("可灵的动作不如海螺自然。") == [("bug", "Kling")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HunyuanVideo 关键规格：13B 参数，要求 24GB+ 显存。", ("limitation", "Hunyuan")),
        ("Wan 2.1 的 1.3B 版本需 16GB+ 显存。", ("limitation", "Wan 2.1")),
        (
            "Wan 2.2 runs in 8GB of VRAM, while the larger 14B model needs 24GB or more.",
            ("limitation", "Wan 2.2"),
        ),
        ("Wan 2.1 仅需8.19GB显存。", ("capability", "Wan 2.1")),
    ],
)
def test_memory_asked_for_as_a_minimum_is_a_limitation(text: str, expected: tuple[str, str]) -> None:
    assert expected in {(c.kind, c.model) for c in claims_of(text) if c.method.endswith(":memory")}


@pytest.mark.parametrize(
    "text",
    [
        "Sora 2 has a disappointingly low resolution of 360P.",
        "Veo 2 has a monthly limit on video generations.",
        "Veo 3 每天只能生成 3 个视频。",
        "Pika can't produce anything longer than 10 seconds.",
    ],
)
def test_low_resolution_quotas_and_length_caps_are_limitations(text: str) -> None:
    assert [k for k, _ in kinds_models(text)] == ["limitation"]


@pytest.mark.parametrize(
    "text",
    [
        "Pika 1.5 审美强。",
        "PixVerse V3 进步太大了。",
        "可灵1.6 几乎不用roll，都是一把成。",
        "Pika 1.5 风格化也有很多进步。",
    ],
)
def test_plain_praise_without_a_degree_word(text: str) -> None:
    assert [k for k, _ in kinds_models(text)] == ["strength"]


@pytest.mark.parametrize(
    ("text", "kinds"), [("可灵的语义理解能力强吗？", []), ("可灵的一致性不强。", ["bug"])]
)
def test_a_question_or_a_denial_is_no_praise(text: str, kinds: list[str]) -> None:
    assert [k for k, _ in kinds_models(text)] == kinds


PAGE_LABELS = (
    "veo3.1-fast-official\nText to Video\nImage to Video\nModel:\n"
    "720p no audio: 10 credits/s ($0.050), 4K no audio: 30 credits/s ($0.150)\n"
)


def test_labels_right_under_a_plain_line_naming_a_model_stay_its_own() -> None:
    assert {row[0] for row in price_rows(PAGE_LABELS)} == {"Veo 3.1 Fast"}


COMPARED_SHEET = (
    "Veo 3.1 两大模型核心参数对比\n\n"
    "对比维度 Veo 3.1 Fast Veo 3.1 Standard (标准版)\n"
    "模型标识 veo-3.1-fast-generate-001 veo-3.1-generate-001\n"
    "生成速度 1 分 13 秒 (8秒视频) 2 分 41 秒 (8秒视频)\n"
    "定价 (Vertex AI) $0.15/秒 (20 credits/视频) $0.40/秒 (100 credits/视频)\n"
)


def test_a_compared_sheet_gives_each_column_its_cells() -> None:
    claims = claims_of(COMPARED_SHEET)
    speeds = {(c.model, c.generation_s) for c in claims if c.kind == "speed"}
    assert speeds == {("Veo 3.1 Fast", 73.0), ("Veo 3.1", 161.0)}
    usd = {(c.model, c.price_usd) for c in claims if c.kind == "price" and c.price_usd}
    assert usd == {("Veo 3.1 Fast", 0.15), ("Veo 3.1", 0.4)}


def test_a_list_of_what_a_model_can_generate_is_one_capability_per_item() -> None:
    text = (
        "Sora 2 can automatically generate:\n\n"
        "  • Dialogue Speech: Audio synchronized with character lip movements\n"
        "  • Scene Sound Effects: Environmental sounds matching video content\n"
    )
    assert kinds_models(text) == [("capability", "Sora 2"), ("capability", "Sora 2")]


def test_a_model_giving_the_level_is_a_yardstick() -> None:
    text = "## Pika 1.5 实测\n\n模型整体质量，大概在可灵1.0那个高表现版本左右，优点是审美强。"
    assert kinds_models(text) == [("strength", "Pika 1.5")]


def test_verdicts_naming_their_own_aspects_are_separate_claims() -> None:
    text = "## Pika 1.5 实测\n\n优点是审美强，物体保持的还算稳，连贯性比较强。"
    quotes = [c.quote for c in scored(claims_of(text))]
    assert quotes == ["优点是审美强", "物体保持的还算稳", "连贯性比较强"]


@pytest.mark.parametrize(
    "text",
    [
        "即梦会自动裁成1:1，无法调整。",
        "PixVerse V3 只能从你的PixVerse过往视频里生成。",
        "Veo 3 固定横式 1280x720。",
        "Midjourney Video: only Pro and Mega plans can use Relax mode.",
    ],
)
def test_a_forced_frame_one_way_in_or_a_plan_gate_is_a_limitation(text: str) -> None:
    assert [k for k, _ in kinds_models(text)] == ["limitation"]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Pika 1.5：你可以把它理解为一个特效工具。", []),
        ("PixVerse：当然你要说缺点，也有。", []),
        ("PixVerse V6 能生成慢动作视频。", ["capability"]),
        ("至于可灵1.6，那就真的有点慢动作了。", ["bug"]),
        ("可灵把猫理解成了狗。", ["bug"]),
        ("Midjourney 构图崩了，所以，你只能用第一种方式去玩。", ["bug"]),
    ],
)
def test_an_invitation_a_topic_or_slow_motion_is_no_flaw(text: str, kinds: list[str]) -> None:
    assert [k for k, _ in kinds_models(text)] == kinds


# ----- a fresh reader's review of v156-v158: what the new rules must leave alone -----
@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Pika 1.5 的画质不如自己拍的清楚。", ["bug"]),
        ("Runway Gen-4 can upscale low resolution clips to 4K.", ["capability", "capability"]),
        ("可灵 3.0 会自动切成多个镜头，叙事很连贯。", ["strength"]),
        ("Sora 2 还是要 roll 好几次，很难一把成。", []),
        ("海螺 02 稳定性强不强还要再测。", []),
        ("可灵 2.1 一次出 4 张，只能从中挑一张能用的。", []),
    ],
)
def test_the_new_rules_leave_ordinary_sentences_alone(text: str, kinds: list[str]) -> None:
    assert [k for k, _ in kinds_models(text)] == kinds


def test_disk_space_is_no_gpu_memory() -> None:
    text = "Wan2.1 本地部署需要 50G 以上的硬盘空间，显存 8GB 即可运行。"
    assert not [c for c in claims_of(text) if c.kind == "limitation"]


def test_a_row_of_values_naming_the_columns_is_no_id_row() -> None:
    text = "对比维度 Sora 2 Veo 3\n价格 Sora 2 每秒 $0.10 Veo 3 每秒 $0.40\n"
    assert {(model, usd) for model, usd, _, _ in price_rows(text)} == {("Sora 2", 0.1), ("Veo 3", 0.4)}
