"""A text that names no model is about the one its address names; plain English verdict words
(terrible, mediocre, too slow, deformations); good wishes and requests state nothing; a brand
followed by image2video is the model, not a picture's maker."""

from __future__ import annotations

import pytest

from ingest.extract import extract_document
from ingest.extract.engine import address_words
from schemas.document import Document
from tests.extract_helpers import claims_of

_THREAD = "4090 24G显存，单个视频生成50分钟左右，一直卡在这个页面。"


def _claims_at(url: str, text: str = _THREAD) -> list[tuple[str, str | None]]:
    doc = Document(platform="text", text=text, url=url)
    return [(c.kind, c.model) for c in extract_document(doc, "t.md")]


def test_a_thread_under_a_model_repository_is_about_that_model() -> None:
    got = _claims_at("https://github.com/Tencent-Hunyuan/HunyuanVideo/issues/71")
    assert ("speed", "Hunyuan") in got
    assert {m for _, m in got} == {"Hunyuan"}


def test_an_address_naming_no_model_gives_none() -> None:
    assert _claims_at("https://example.com/forum/thread/71") == []


def test_an_address_naming_two_brands_decides_nothing() -> None:
    assert _claims_at("https://example.com/blog/kling-vs-hailuo") == []


def test_the_text_s_own_model_beats_the_address() -> None:
    got = _claims_at(
        "https://github.com/Tencent-Hunyuan/HunyuanVideo/issues/71", "可灵2.1单个视频生成50分钟左右。"
    )
    assert got == [("speed", "Kling 2.1")]


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("https://github.com/Wan-Video/Wan2.2/issues/32", "Wan-Video / Wan2.2 / issues / 32"),
        ("https://mp.weixin.qq.com/s/QjEQVAyjxXa3uusSURdZ5w", "s"),
        ("https://qntz.me/post/8f23c1a057c498383ffc51f71848973a.html", "post"),
        ("https://example.com/%E5%8F%AF%E7%81%B5-review", "可灵-review"),
    ],
)
def test_address_words_drop_opaque_ids_and_decode(url: str, words: str) -> None:
    assert address_words(url) == words


@pytest.mark.parametrize(
    "text",
    [
        "Kling 2.1 output was terrible.",
        "Sora 2 quality is mediocre.",
        "Hailuo 02 gave subpar results.",
        "Wan 2.2 gave too many deformations.",
        "Kling 2.1 is too slow.",
        "My attempts with Wan 2.2 yielded unsatisfactory results.",
    ],
)
def test_plain_english_verdict_words_are_flaws(text: str) -> None:
    assert [c.kind for c in claims_of(text)] == ["bug"]


def test_slowly_in_a_scene_is_no_flaw() -> None:
    assert claims_of("Wan 2.5 prompt: With immense weight, he slowly turns his head.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Great idea for Mochi! Wish everything goes well and looking forward to your progress.",
        "Any tips on running Wan 2.1 with good output quality would be greatly appreciated.",
    ],
)
def test_wishes_and_requests_state_nothing(text: str) -> None:
    assert claims_of(text) == []


def test_a_brand_before_image2video_is_the_model() -> None:
    got = claims_of("I tried Hunyuan Video image2video: it took 3 hours to generate an 11 second clip.")
    assert [(c.kind, c.model) for c in got if c.kind == "speed"] == [("speed", "Hunyuan")]


def test_a_brand_before_image_is_still_where_a_picture_came_from() -> None:
    got = claims_of("Kling 2.1 animated a Midjourney image beautifully.")
    assert {c.model for c in got} == {"Kling 2.1"}
