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
        # open mainly to a few, a prompt language only, a feature taken away
        ("Veo 3 主要面向 Ultra 订阅用户。", "Veo 3", "主要面向"),
        ("Sora 2 目前只在北美小範圍開放。", "Sora 2", "小範圍開放"),
        ("Runway Gen-4 may only be available on higher-tier plans.", "Runway Gen-4", "higher-tier plans"),
        ("Pika 2.2 仅支持英文提示词。", "Pika 2.2", "仅支持英文"),
        ("Pika 2.2 only understands English.", "Pika 2.2", "only understands English"),
        ("Vidu Q1 上线当天就停用了真人参考功能。", "Vidu Q1", "停用了真人参考功能"),
        # the polarity of a spec item: before it, after it
        ("Veo 3 暂未支持 4K。", "Veo 3", "暂未支持 4K"),
        ("Veo 3 尚無音訊功能。", "Veo 3", "尚無音訊"),
        ("Veo 3 is missing 4K output.", "Veo 3", "missing 4K"),
        ("Veo 3 outputs 720p only.", "Veo 3", "720p only"),
        ("Veo 3 clips: 9:16 is not supported.", "Veo 3", "not supported"),
        ("Veo 3 要会员才能导出 1080p。", "Veo 3", "会员才能导出 1080p"),
        ("Veo 3 時長限制在 8 秒。", "Veo 3", "8 秒"),
    ],
)
def test_a_restriction_is_a_limitation_of_the_model(text: str, model: str, key: str) -> None:
    found = _kinds(text)
    assert any(k == "limitation" and m == model and key in q for k, m, q in found), found


@pytest.mark.parametrize(
    ("text", "model", "key"),
    [
        # hardware that suffices
        ("万相2.1 的小模型 6GB 显存就能跑。", "Wan 2.1", "6GB 显存就能跑"),
        ("混元視頻量化後顯存佔用降到 20GB。", "Hunyuan", "降到 20GB"),
        ("Wan 2.2 在一张消费级显卡上就能部署。", "Wan 2.2", "消费级显卡上就能部署"),
        ("Wan 2.2 runs on a single RTX 4080 at home.", "Wan 2.2", "runs on a single RTX"),
        # open to everyone
        ("Sora 2 已向全球所有用户开放。", "Sora 2", "所有用户开放"),
        ("Sora 2 現在無需邀請碼，直接下載就能用。", "Sora 2", "無需邀請碼"),
        ("Sora 2 is now open to everyone, no waitlist.", "Sora 2", "open to everyone"),
        # the language of the prompt
        ("海螺02 可以直接用中文写提示词。", "Hailuo 02", "用中文写"),
    ],
)
def test_what_suffices_or_is_open_to_all_is_a_capability(text: str, model: str, key: str) -> None:
    found = _kinds(text)
    assert any(k == "capability" and m == model and key in q for k, m, q in found), found


@pytest.mark.parametrize(
    "text",
    [
        "我这台电脑有 24GB 显存，跑得还行。",  # the reviewer's machine, no requirement
        "以往的同类产品一次只能生成一个，这次可以生成四个。",  # a batch of older products
        "我已经开通了会员，所以随便用。",  # the reviewer paid; no gate stated
        "I have a 24GB GPU at home.",
        "Seedance 2.0 这次小范围内测，我拿到了资格。",  # a beta the reviewer got into
    ],
)
def test_what_is_no_restriction(text: str) -> None:
    assert [k for k, _, _ in _kinds(text) if k == "limitation"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Vidu Q2 只能@人物，没法@场景。",
        "Hailuo 02 目前无法上传参考视频。",
        "Wan 2.2 doesn't yet offer a first-frame option.",
    ],
)
def test_an_input_it_cannot_take_is_a_limitation(text: str) -> None:
    assert [c.kind for c in scored(claims_of(text))] == ["limitation"]
