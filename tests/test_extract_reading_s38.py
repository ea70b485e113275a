"""Session 38: a document is about the model it names from where it names it, unless its title names
it, and a model a long text names only once is named in passing (real pages in ../shared: a weekly
news round-up naming Midjourney once in an item, a post about another product naming 可灵 only in its
closing list of other articles)."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored

# a paragraph of a long post about some other tool: praise, a wait, features
_OTHER_TOOL = (
    "这个工具的功能非常强大，几乎所有视频格式都能识别，而且免费、支持多平台。"
    "但是生成速度很慢，每次要等5分钟。它还可以生成播客音频，画面也很稳定。\n\n"
)


def _long(text: str, times: int = 16) -> str:
    return _OTHER_TOOL * times + text


def _kinds(text: str, title: str | None = None) -> list[tuple[str, str | None, str]]:
    return [(c.kind, c.model, c.quote) for c in scored(claims_of(text, title=title))]


def test_a_model_named_only_in_a_closing_list_takes_nothing_said_before() -> None:
    text = _long("相关阅读：\n\n可灵这一年的变化，看看它是怎么做产品的\n\n可灵团队访谈\n")
    assert not [m for _, m, q in _kinds(text) if "播客" in q or "5分钟" in q or "功能非常强大" in q]


def test_a_model_a_long_text_names_once_is_named_in_passing() -> None:
    text = _long("2、一起著作权案宣判。某公司在 Midjourney 平台生成绘画作品，并发布在社交平台。\n")
    assert _kinds(text) == []
    # …while a text naming it twice is about it from its first naming on
    assert {m for _, m, _ in _kinds(text + "Midjourney 的画面很稳定。\n")} == {"Midjourney"}


def test_a_long_text_is_about_its_model_from_where_it_names_it() -> None:
    text = _long("下面说说可灵。可灵的运动幅度很大，画面很稳定。\n\n可灵的生成速度也不慢，大约1分钟出片。\n")
    got = _kinds(text)
    assert {m for _, m, _ in got} == {"Kling"}
    assert not [q for _, _, q in got if "播客" in q or "功能非常强大" in q]
    assert "speed" in {k for k, _, _ in got}


def test_a_model_the_title_names_is_in_scope_from_the_first_line() -> None:
    text = _long("可灵的运动幅度很大。\n\n可灵的生成速度也不慢。\n")
    got = _kinds(text, title="可灵测评：三天实测")
    assert ("capability", "Kling") in {(k, m) for k, m, _ in got}
    assert [q for _, m, q in got if m == "Kling" and "功能非常强大" in q]


def test_a_short_post_is_about_the_model_it_names_wherever_it_names_it() -> None:
    got = _kinds("画面太稳了，运动也很自然。这次的可灵2.1真的进步很大。")
    assert ("strength", "Kling 2.1", "画面太稳了") in got


# ----- from U51, V51 and W51 (read after scoring) -----


def test_a_plan_named_after_an_edition_word_names_no_model() -> None:
    text = (
        "Vidu Q2 的参考生视频很强。\n\nVidu Q2的表现确实比可灵2.5、Sora2这些都好。\n\n"
        "最后，再来说说价格。\n\n以专业版月度会员为例，20积分就能生成一条8s视频，折合下来1.5元/条。"
    )
    assert {c.model for c in claims_of(text) if c.kind == "price"} == {"Vidu Q2"}


def test_what_keeps_it_from_the_top_spot_is_no_praise() -> None:
    text = (
        "Sora 2: the inconsistency and the lack of control keep it from the top spot for professional work."
    )
    assert "strength" not in {k for k, _, _ in _kinds(text)}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("可灵3.0的运镜控制，稳的有点离谱。", "strength"),
        ("海螺02这次只抽了两次卡就出了能用的片子。", "strength"),
        ("海螺02的打斗镜头几乎没roll几次就出片了。", "strength"),
        ("Vidu Q2简直是二次元之王。", "strength"),
        ("可灵3.0做口播实在是过于好用了。", "strength"),
        ("Veo3跑这个翻跟头的动作，积分都roll烂了。", "bug"),
        ("Runway的这个转身真的roll不出来。", "bug"),
        ("即梦里角色背后的书包时有时无。", "bug"),
        ("除了桌上的花瓶时隐时现之外，可灵3.0挑不出别的毛病。", "bug"),
    ],
)
def test_retries_kings_and_things_that_come_and_go(text: str, kind: str) -> None:
    assert kind in {k for k, _, _ in _kinds(text)}


@pytest.mark.parametrize(
    "text",
    [
        "我只跑了三次，就没积分了。可灵3.0的会员很贵。",  # tries told, not praised
        "狮子是万兽之王。",  # no model
        "可灵3.0的动作过于夸张。",  # 过于 before a fault stays a flaw
    ],
)
def test_no_praise_from_plain_counts_or_plain_kings(text: str) -> None:
    got = _kinds(text)
    assert not [q for k, _, q in got if k == "strength" and ("三次" in q or "万兽" in q or "夸张" in q)]


@pytest.mark.parametrize(
    "text",
    [
        "Kling 3.0 costs $0.112/s. Native audio adds $0.028/s for the synced track.",
        "Kling 3.0 costs $0.112/s, plus an extra $0.028/s with audio.",
        "可灵3.0每秒0.112美元，开启音效额外加0.028美元/秒。",
    ],
)
def test_an_add_on_is_no_price(text: str) -> None:
    prices = [(c.price_usd, c.duration_s) for c in claims_of(text) if c.kind == "price"]
    assert prices == [(0.112, 1.0)]


def test_praise_after_a_listed_fault_tells_the_fault() -> None:
    text = (
        "### Sora\n\n**What didn't:**\n"
        "- Results are **unpredictable** — stunning on one try, broken on the next\n"
        "- Great motion, but faces flicker in long shots\n"
    )
    got = _kinds(text)
    assert not [q for k, _, q in got if k == "strength" and "stunning" in q]
    assert ("strength", "Sora", "Great motion") in got  # praise before a turn stands


def test_a_misspelt_brand_with_a_registered_version_is_that_model() -> None:
    text = "Hailou 2.3 was the most usable model in our tests. Hailou 2.3 showed better dance detail."
    assert {m for _, m, _ in _kinds(text)} == {"Hailuo 2.3"}


@pytest.mark.parametrize(
    "text",
    [
        "Kandinsky 2.1 showed better dance detail than anything else.",  # another model, not Kling 2.1
        "Vido 2.0 showed better dance detail than anything else.",  # a short name: too little to tell
    ],
)
def test_a_name_far_from_a_brand_is_not_taken_for_it(text: str) -> None:
    assert not {m for _, m, _ in _kinds(text)} & {"Kling 2.1", "Vidu 2.0"}


def test_a_game_changer_is_praise_and_not_one_is_none() -> None:
    assert ("strength", "Runway Gen-4") in {
        (k, m) for k, m, _ in _kinds("Runway Gen-4's References feature is a game changer for consistency.")
    }
    assert _kinds("Sora 2 is not a game changer.") == []


# ----- guards from a fresh reader's review of the draft -----


def test_a_long_review_naming_its_model_in_its_first_line_is_about_it_throughout() -> None:
    sections = "".join(
        f"## {h}\n\n它的{a}很稳定，细节也很丰富，整体表现让人满意。{_OTHER_TOOL * 3}"
        for h, a in (("画质", "画面"), ("运动", "动作"), ("速度", "出片"), ("总结", "表现"))
    )
    text = "昨天凌晨可灵2.1突然上线了，我第一时间测了一下。\n\n" + sections
    assert len(text) > 1000
    got = _kinds(text)
    assert len([m for _, m, _ in got if m == "Kling 2.1"]) >= 8


@pytest.mark.parametrize(
    "text",
    [
        "即梦3.0我只抽了两次卡，结果两次都崩了。",
        "可灵2.1没抽几次卡积分就用完了。",
        "海螺02我只试了一次就出错了。",
        "即梦3.0堪称抽卡之王。",
        "海螺02就是排队的王者。",
        "可灵2.1生成的老虎站在山顶，不愧是森林之王。",
    ],
)
def test_failed_tries_and_kings_of_faults_are_no_praise(text: str) -> None:
    assert "strength" not in {k for k, _, _ in _kinds(text)}


def test_a_plan_after_a_versioned_edition_keeps_the_edition() -> None:
    assert {c.model for c in claims_of("Veo 3 Fast的订阅用户每条视频要20积分。") if c.kind == "price"} == {
        "Veo 3 Fast"
    }


def test_praise_of_another_aspect_in_a_listed_fault_stands() -> None:
    text = "### Sora\n\n**Cons:**\n- Text rendering is garbled, the lip sync is excellent\n"
    assert ("strength", "Sora", "the lip sync is excellent") in _kinds(text)


def test_what_a_clip_adds_to_the_bill_is_its_price() -> None:
    text = "Hailuo 02 charges $0.045/s, which adds $0.27 to every 6-second clip."
    assert 0.27 in {c.price_usd for c in claims_of(text) if c.kind == "price"}


def test_a_row_of_a_table_of_models_naming_none_known_is_nobodys() -> None:
    text = (
        "Veo is great but expensive.\n\n| Model | Cost per second |\n|---|---|\n"
        "| Google Veo | $0.40/sec |\n| Q-Clip | $0.005/sec |\n"
    )
    assert [(c.model, c.price_usd) for c in claims_of(text) if c.kind == "price"] == [("Veo", 0.4)]


def test_a_table_of_models_keeps_its_rows_prices() -> None:
    text = "| 模型 | 价格 |\n|---|---|\n| 可灵2.1 | 20积分 |\n| 海螺02 | 25积分 |\n"
    assert [(c.model, c.credits) for c in claims_of(text) if c.kind == "price"] == [
        ("Kling 2.1", 20.0),
        ("Hailuo 02", 25.0),
    ]


# ----- guards from a second fresh review -----


def test_a_table_of_products_or_modes_keeps_its_rows() -> None:
    products = (
        "可灵2.1测评。\n\n| 产品 | 效果 | 生成时间 |\n|---|---|---|\n| 香水 | 瓶身反光很真实 | 2分钟 |\n"
    )
    assert ("speed", "Kling 2.1") in {(k, m) for k, m, _ in _kinds(products)}
    modes = (
        "Kling 2.1 review.\n\n| Model | 5s | 10s |\n|---|---|---|\n"
        "| Standard mode | $0.25 | $0.50 |\n| Pro mode | $0.45 | $0.90 |\n"
    )
    assert len([c for c in claims_of(modes) if c.kind == "price" and c.model == "Kling 2.1"]) == 4


def test_a_verdict_up_front_before_the_line_naming_the_model_is_its() -> None:
    text = "先说结论：画质是目前第一梯队。\n\n这一周我都在测可灵2.1，下面一项项说。\n\n" + _OTHER_TOOL * 10
    assert ("strength", "Kling 2.1") in {(k, m) for k, m, q in _kinds(text) if "第一梯队" in q}


def test_a_model_named_once_with_its_version_sets_the_topic() -> None:
    text = _OTHER_TOOL * 8 + "这周测的是可灵2.1。\n\n## 画质\n\n它的画面很稳定，动作也很自然。\n"
    assert "Kling 2.1" in {m for _, m, q in _kinds(text) if "画面很稳定" in q}


def test_a_model_the_summary_names_is_in_scope_from_the_start() -> None:
    text = _OTHER_TOOL * 8 + "可灵的画面很稳定。可灵的动作也很自然。\n"
    got = [(c.model, c.quote) for c in scored(claims_of(text, summary="本文实测可灵2.1的画质和速度。"))]
    assert [q for m, q in got if m and m.startswith("Kling") and "播客" in q]


def test_a_numbered_problem_is_still_a_flaw() -> None:
    assert "bug" in {k for k, _, _ in _kinds("即梦3.0第二个问题更严重，多人场景脸会串。")}
    assert "bug" not in {
        k for k, _, _ in _kinds("Seedance 2.0 测评。对于第二个问题（精细化的指定动作），它也能做到。")
    }


@pytest.mark.parametrize(
    ("text", "price"),
    [
        ("Kling 2.1 costs $0.28 per 5-second clip, plus an extra $0.10 for 1080p.", 0.28),
        ("Wan 2.2 is $0.10 per second, and another $0.05 per second for 1080p.", 0.10),
    ],
)
def test_what_an_add_on_buys_is_not_the_price_before_it(text: str, price: float) -> None:
    got = [(c.price_usd, c.resolution) for c in claims_of(text) if c.kind == "price"]
    assert got == [(price, None)]


def test_praise_of_another_aspect_after_a_dash_stands() -> None:
    text = "### Sora\n\n**Cons:**\n- Hands still warp — the camera motion, on the other hand, is excellent\n"
    assert "strength" in {k for k, _, _ in _kinds(text)}


@pytest.mark.parametrize(
    "text",
    [
        "海螺02只跑了两遍就出了一堆鬼图。",
        "即梦3.0就是氪金之王。",
        "可灵2.1是吞积分的王者。",
        "画面里是一只老虎，不愧是丛林之王，可灵2.1。",
    ],
)
def test_more_failed_tries_and_kings_of_cost(text: str) -> None:
    assert "strength" not in {k for k, _, _ in _kinds(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Veo 3 review. Extend is still only available in Veo 2 for now.",
        "Veo 3 测评。首尾帧功能目前仅在Veo 2中可用。",
    ],
)
def test_what_only_another_model_offers_is_a_limit_of_the_one_reviewed(text: str) -> None:
    assert ("limitation", "Veo 3") in {(k, m) for k, m, _ in _kinds(text)}
    assert "Veo 2" not in {m for _, m, _ in _kinds(text)}


# ----- from A53, B53 and C53 (read after scoring) -----


@pytest.mark.parametrize(
    "text",
    [
        "Wan 2.2 教程。\n\n- 参考图建议正脸清晰、无遮挡\n- 人物图需保证面部清晰\n",
        "Wan 2.2 tips: make sure the face is clear and sharp in the reference image.",
    ],
)
def test_advice_on_the_input_is_no_verdict(text: str) -> None:
    assert "strength" not in {k for k, _, _ in _kinds(text)}


def test_questions_gathered_under_a_heading_are_no_flaw() -> None:
    text = "Sora 测评。\n\n## Sora 产品相关问题\n\n常见问题汇总如下。\n"
    assert _kinds(text) == []


def test_what_declines_faster_is_no_praise_and_a_point_in_the_clip_no_speed() -> None:
    got = _kinds("Kling 1.6: face coherence drops faster than competitors past 4s.")
    assert not {k for k, _, _ in got} & {"strength", "speed"}


def test_four_models_counted_with_a_measure_word_are_each_named() -> None:
    text = "我们测试了四款模型：Sora、Veo、海螺和可灵。这四款模型都出现了手指变形。"
    assert {m for k, m, _ in _kinds(text) if k == "bug"} == {"Sora", "Veo", "Hailuo", "Kling"}


def test_what_was_asked_for_and_not_made_is_a_flaw() -> None:
    assert "bug" in {k for k, _, _ in _kinds("Sora 测试。它未能生成我们要求的舞蹈动作。")}


@pytest.mark.parametrize(
    "text",
    [
        "海螺02的转身动作很优雅。",
        "Vidu Q2的二次元效果很出挑。",
        "可灵3.0的夜景效果都很漂亮。",
        "Seedance 2.0跑了十几条几乎不出错。",
        "即梦3.0在小字渲染上完全不含糊。",
        "Vidu 2.0的人物动作比上一版稳很多。",
        "海螺02的运镜有一种说不出的爽感。",
    ],
)
def test_plain_praise_words(text: str) -> None:
    assert "strength" in {k for k, _, _ in _kinds(text)}


def test_a_pretty_girl_in_a_prompt_is_no_praise() -> None:
    assert _kinds("提示词：一个很漂亮的女孩在跳舞。") == []


# ----- v195, from D54 and E54 (read after scoring) -----


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("可灵1.6在运镜这块还是有进步的空间。", "bug"),
        ("Hailuo 02 is one of the most realistic video models out there.", "strength"),
        ("即梦的免费额度给得真的很良心。", "strength"),
    ],
)
def test_room_to_improve_among_the_best_and_good_value(text: str, kind: str) -> None:
    assert kind in {k for k, _, _ in _kinds(text)}


def test_one_of_many_is_no_praise() -> None:
    assert "strength" not in {k for k, _, _ in _kinds("Sora 2 is one of the models we tested this week.")}


# ----- v196, from F54 (read after scoring) -----


def test_the_fastest_at_a_time_gives_the_time() -> None:
    text = "The quickest video model this year is Hailuo 02 at 38 seconds average for a 768p clip."
    assert [(c.model, c.generation_s) for c in claims_of(text) if c.kind == "speed"] == [("Hailuo 02", 38.0)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [("可灵2.1的夜景画面很有层次。", "strength"), ("说得专业点，即梦3.0的表演没层次。", "bug")],
)
def test_depth_of_a_picture_or_a_performance(text: str, kind: str) -> None:
    assert {k for k, _, _ in _kinds(text)} == {kind}
