"""The GPU memory an open model needs (examples written here): how little it runs on is a
capability, a need beyond a consumer card a limitation."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of


@pytest.mark.parametrize(
    ("text", "kind", "model"),
    [
        ("Wan 2.1 的1.3B模型仅需8.19GB VRAM，可在消费级硬件上运行。", "capability", "Wan 2.1"),
        ("Wan 2.1 只需要8个G的显存就能跑了。", "capability", "Wan 2.1"),
        ("HunyuanVideo-1.5 runs in 14 GB of VRAM at 480p.", "capability", "Hunyuan Video 1.5"),
        ("Wan 2.2 的显存需求低至6GB。", "capability", "Wan 2.2"),
        ("HunyuanVideo 通常需要45GB以上的显存。", "limitation", "Hunyuan"),
        ("Wan 2.2 A14B requires 80 GB of VRAM for 720p.", "limitation", "Wan 2.2"),
        ("Wan 2.2 A14B needs only 80 GB of VRAM with offloading.", "capability", "Wan 2.2"),  # said as little
    ],
)
def test_the_memory_a_model_needs_is_a_capability_or_a_limit(text: str, kind: str, model: str) -> None:
    got = [(c.kind, c.model) for c in claims_of(text) if c.method and c.method.endswith(":memory")]
    assert got == [(kind, model)]


@pytest.mark.parametrize(
    "text",
    [
        "这台电脑有24GB内存，可以剪辑可灵2.1生成的视频。",  # system memory, no GPU memory
        "可灵2.1的1.3B参数规模不大。",  # a model size, no memory
    ],
)
def test_no_gpu_memory_no_memory_claim(text: str) -> None:
    assert not [c for c in claims_of(text) if c.method and c.method.endswith(":memory")]


@pytest.mark.parametrize(
    "text",
    [
        "对于拥有多块24GB显存GPU的用户，HunyuanVideo 可以并行推理。",  # the cards some users have
        "HunyuanVideo 的测试机是一块RTX 3090显卡（24GB显存）。",
    ],
)
def test_the_card_someone_has_is_no_need_of_the_model(text: str) -> None:
    assert not [c for c in claims_of(text) if c.method and c.method.endswith(":memory")]


def test_a_need_told_after_the_memory_word_is_quoted_with_its_bound() -> None:
    got = [
        c for c in claims_of("HunyuanVideo 对GPU显存的高要求（通常需要45GB以上）。") if c.kind == "limitation"
    ]
    assert [(c.model, c.quote.endswith("45GB以上")) for c in got] == [("Hunyuan", True)]
