"""Restrictions stated as facts: hardware, paid gates, invitations, regions, platforms and quotas.

Every example is written for the rule it tests (Simplified, Traditional and English).
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored


def _kinds(text: str) -> list[tuple[str, str | None, str]]:
    return [
        (c.kind, c.model, c.quote) for c in scored(claims_of(text)) if c.kind in ("capability", "limitation")
    ]


@pytest.mark.parametrize(
    ("text", "model", "key"),
    [
        # hardware: a memory the model needs
        ("万相2.2的大模型至少要 32GB 显存才跑得起来。", "Wan 2.2", "32GB 显存"),
        ("混元視頻本地跑需要 48G 顯存。", "Hunyuan", "48G 顯存"),
        ("Wan 2.2 needs at least 40GB of VRAM to run the large model.", "Wan 2.2", "40GB of VRAM"),
        ("HunyuanVideo: 45GB VRAM minimum for the full model.", "Hunyuan", "45GB VRAM minimum"),
        # the memory stated with a feature word in the clause (本地部署): the cue still speaks
        ("混元视频想要本地部署得准备64G显存。", "Hunyuan", "64G显存"),
        # a paid gate
        ("Veo 3 目前只向 Google AI Pro 付费会员开放使用。", "Veo 3", "付费会员开放"),
        ("可靈 2.1 大師版必須先開通會員才能用。", "Kling 2.1 Master", "開通會員"),
        ("Veo 3 requires a paid Gemini subscription.", "Veo 3", "requires a paid"),
        (
            "Sora 2 Pro is for Pro subscribers only, a subscription is required.",
            "Sora 2 Pro",
            "subscription is required",
        ),
        # by invitation
        ("Sora 2 现在还是邀请制，没有邀请码进不去。", "Sora 2", "邀请制"),
        ("Sora 2 remains invite-only for now.", "Sora 2", "invite-only"),
        # a region
        ("Veo 3 在國內無法使用。", "Veo 3", "國內無法使用"),
        ("Sora 2 想用的话得先挂梯子。", "Sora 2", "挂梯子"),
        ("Sora 2 is not available in the EU yet.", "Sora 2", "not available in"),
        # one platform
        ("Sora 2 暂时只能在 iPhone 上用。", "Sora 2", "iPhone 上用"),
        ("Sora 2 目前沒有安卓版。", "Sora 2", "沒有安卓版"),
        ("Sora 2 has no Android app yet.", "Sora 2", "no Android app"),
        # a quota or a queue
        ("海螺02 免费账号每日限 3 次。", "Hailuo 02", "每日限 3 次"),
        (
            "Runway Gen-4 limits free accounts to five generations per day.",
            "Runway Gen-4",
            "five generations",
        ),
        ("Vidu Q1 同时只能跑两个任务。", "Vidu Q1", "同时只能跑两个"),
        (
            "Kling 2.1 runs one generation at a time on the free plan.",
            "Kling 2.1",
            "one generation at a time",
        ),
    ],
)
def test_a_restriction_is_a_limitation_of_the_model(text: str, model: str, key: str) -> None:
    found = _kinds(text)
    assert any(k == "limitation" and m == model and key in q for k, m, q in found), found


@pytest.mark.parametrize(
    "text",
    [
        "我这台电脑有 24GB 显存，跑得还行。",  # the reviewer's machine, no requirement
        "以往的同类产品一次只能生成一个，这次可以生成四个。",  # a batch of older products
        "我已经开通了会员，所以随便用。",  # the reviewer paid; no gate stated
        "I have a 24GB GPU at home.",
    ],
)
def test_what_is_no_restriction(text: str) -> None:
    assert [k for k, _, _ in _kinds(text) if k == "limitation"] == []
