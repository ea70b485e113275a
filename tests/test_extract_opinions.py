"""Opinions told without a stock cue, and words that look like a verdict and are none.

Every example is written for the rule it tests.
"""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored


def _kinds(text: str) -> set[str]:
    return {c.kind for c in scored(claims_of(text))}


def _one_verdict(text: str, kind: str) -> None:
    """``text`` gives a verdict of ``kind`` and none of the other kind."""
    kinds = _kinds(text)
    assert kind in kinds and not kinds & ({"strength", "bug"} - {kind})


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a flaw an improvement verb reduces is a strength
        ("海螺02这次大幅减少了画面里常见的闪烁问题。", "strength"),
        ("Runway Gen-4 reduced the flicker we saw before.", "strength"),
        # a weakness phrased as what could be better
        ("可灵2.1在多人场景上还能做得更好。", "bug"),
        ("可灵2.1的大幅度动作还有进步空间。", "bug"),
        ("Pika 1.0 still has room for improvement on hands.", "bug"),
        # flaws told as a story
        ("可灵2.1怎么直接把狗变成了猫？", "bug"),
        ("可灵2.1把“苹果”理解成了手机品牌。", "bug"),
        ("可灵2.1生成了一个奇怪的人影。", "bug"),
        ("可灵2.1里主角的帽子丢了。", "bug"),
        ("Sora 2 keeps distorting the faces.", "bug"),
        ("Sora 2 can't handle two people hugging.", "bug"),
        ("In Sora 2 the dancer's legs swap places mid-spin.", "bug"),
        # praise without a stock adjective
        ("可灵2.1的人脸稳定得不行。", "strength"),
        ("可灵2.1保持了角色服装的一致性。", "strength"),
        ("可灵2.1的动作毫无违和感。", "strength"),
        ("可灵2.1在光影表现上遥遥领先。", "strength"),
        ("Runway Gen-4 renders gorgeous skies.", "strength"),
        # opinion-type limits
        ("海螺02的精细控制不够。", "limitation"),
        ("可灵2.1一上来就提示版权限制。", "limitation"),
        ("Kling 2.1 quality degrades after a minute.", "limitation"),
        # more general cues
        ("海螺02整体还是得抽卡，跑了五次才能出一个能用的。", "bug"),
        ("Sora 2 目前还不太能处理卡通风格。", "limitation"),
        ("海螺02全程保持了主角发型和服装的一致性。", "strength"),
        # general vocabulary
        ("Sora 2 shows noticeable character drift after ten seconds.", "bug"),
        ("Veo 3 looks photorealistic in daylight scenes.", "strength"),
        ("Runway Gen-4 is not available in some regions.", "limitation"),
        ("海螺02上线两天就暂停了真人照片生成功能。", "limitation"),
        ("可灵2.1的字幕经常吞字。", "bug"),
        # stories and praise without stock words
        ("可灵2.1里的人物方向反了，倒着走出了门。", "bug"),
        ("可灵2.1的女孩左右手互换了。", "bug"),
        ("In Sora 2 the cat turned into a dog halfway through.", "bug"),
        ("Veo 3 had the runner moving in the wrong direction.", "bug"),
        ("In Runway Gen-4 the red cup goes missing after the cut.", "bug"),
        ("海螺02把这种复杂运镜拿捏住了。", "strength"),
        ("Veo 3 got it right on the first try.", "strength"),
        ("海螺02支持超分和扩图。", "capability"),
        # limits on control and praise by rank
        ("Sora 2 能上传参考图，不过比例有限制。", "limitation"),  # 不过 is no negator
        ("Sora 2 会直接裁成方形，没有办法自行调整。", "limitation"),
        ("Sora 2 crops to a square and you can't choose the framing.", "limitation"),
        ("海螺02是第一个能把这套动作做完整的模型。", "strength"),
        ("海螺02的运动幅度明显优于可灵2.1。", "strength"),
        # upsides quotas and availability
        ("海螺02的优点是稳定，缺点是动作幅度偏小。", "strength"),
        ("海螺02的优点是稳定，缺点是动作幅度偏小。", "bug"),
        ("海螺02的筷子和面条交互基本正确。", "strength"),
        ("Vidu Q1免費帳號每天只能生成3部影片。", "limitation"),
        ("Vidu Q1的影片有浮水印。", "limitation"),
        ("Vidu Q1的長影片功能還在開發中。", "limitation"),
        ("Sora 2 在国内用不了。", "limitation"),
        ("Runway Gen-4 does offer a motion brush.", "capability"),
        ("海螺02以1080P为主。", "capability"),
    ],
)
def test_opinion_kinds(text: str, kind: str) -> None:
    assert kind in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "最后来聊聊可灵2.1的缺点：",  # a lead-in, not a flaw
        "这次主要测试可灵2.1的画面质感。",  # what is tested, not a verdict
        "关键不在于可灵2.1某一帧是否惊艳。",  # whether, not a verdict
        "奇怪的是，可灵2.1这次没有排队。",  # "strangely", no odd output
        "可灵2.1的发布引发了版权和隐私等问题的讨论。",  # a topic list, not a flaw seen
    ],
)
def test_no_verdict(text: str) -> None:
    assert not _kinds(text) & {"bug", "strength"}


def test_a_test_that_shows_a_flaw_is_still_a_bug() -> None:
    assert "bug" in _kinds("可灵2.1测试中出现了穿模。")


def test_a_slow_complement_is_a_bug() -> None:
    assert _kinds("可灵2.1的画面糊得不行。") == {"bug"}


def test_curly_apostrophes_read_as_straight_ones() -> None:
    claims = [c for c in claims_of("Veo 3 can’t generate audio yet.") if c.kind == "limitation"]
    assert claims and claims[0].quote == "Veo 3 can’t generate audio yet"


def test_a_capped_spec_for_free_users_is_a_limit_of_that_tier() -> None:
    assert _kinds("Pika 1.0的免费账号最多只能导出720p。") == {"limitation"}


def test_a_spec_for_free_users_without_a_cap_is_no_limit() -> None:
    assert "limitation" not in _kinds("Runway Gen-4 free users get 1080p exports as well.")


def test_how_many_clips_one_run_makes_is_a_capability() -> None:
    assert _kinds("海螺02一次可以生成4个视频。") == {"capability"}


def test_a_prompt_quoted_in_running_text_gives_no_opinion() -> None:
    text = "Sora 2 上线。\n\n我又试了指令「A knight shines and smiles, gorgeous light」，结果还行。"
    assert "strength" not in {c.kind for c in scored(claims_of(text)) if "knight" in c.quote}


def test_a_list_of_aspects_is_one_claim_per_aspect() -> None:
    claims = [c for c in claims_of("可灵2.1在手部细节、多人互动上还能做得更好。") if c.kind == "bug"]
    assert [c.feature for c in claims] == ["手部细节", "多人互动"]
    assert len({c.quote for c in claims}) == 1


def test_items_after_a_restriction_label_are_limitations() -> None:
    text = "Veo 3 update. (One caveat: 1080p works for 16:9 outputs only today.)"
    kinds = {c.kind for c in scored(claims_of(text)) if c.kind in ("capability", "limitation")}
    assert kinds == {"limitation"}


def test_a_grant_in_the_next_clause_covers_a_clip_length() -> None:
    claims = [
        c for c in claims_of("Vidu Q1的片长放开了，2～8s内的片段，都可以随意生成。") if c.kind == "capability"
    ]
    assert [c.feature for c in claims] == ["2～8s内"]


def test_a_spec_clause_gives_its_limit_once_per_item() -> None:
    claims = [c for c in claims_of("海螺02目前不能自定义尺寸。") if c.kind == "limitation"]
    assert [c.feature for c in claims] == ["自定义尺寸"]


def test_a_watermark_after_a_spec_makes_it_a_limit() -> None:
    claims = scored(claims_of("Hailuo 02 plans.\n\nFree plan: 720p watermarked"))
    assert {c.kind for c in claims} == {"limitation"}


def test_choosing_the_best_take_is_no_praise() -> None:
    assert not _kinds("可灵2.1上线。每组提示词各跑3次，取最好的一次。")


def test_a_label_opening_a_prose_paragraph_covers_its_own_sentence_only() -> None:
    text = "Veo 3 review.\n\nThe good: Veo 3 generates native audio. Dialogue scenes look natural."
    assert [c.feature for c in claims_of(text) if c.kind == "capability"] == ["native audio"]


def test_items_under_pros_and_cons_labels() -> None:
    text = (
        "## Luma Ray2 review\n\nLuma Ray2 in a week.\n\nPros:\n- Believable physics in most shots\n"
        "- Supports 1080p\n\n缺点：\n- 人物走位偶尔不对劲\n- 每条10积分\n"
    )
    got = [(c.kind, c.quote) for c in scored(claims_of(text)) if c.kind in ("strength", "bug")]
    assert got == [("strength", "Believable physics in most shots"), ("bug", "人物走位偶尔不对劲")]


@pytest.mark.parametrize(
    "text",
    [
        "海螺02上线。这是第一个测试案例。",  # an enumeration, not a rank
        "海螺02上线。导出的文件大于2GB。",  # a size, not a comparison of quality
        "海螺02上线。用不了多久就能出片。",  # soon, not unavailable
        "Hailuo 02 review. I swapped the prompt for a simpler one.",  # the reviewer's action
    ],
)
def test_words_that_look_like_verdicts_and_are_none(text: str) -> None:
    assert not _kinds(text) & {"strength", "bug", "limitation"}


@pytest.mark.parametrize(
    ("text", "kind", "model"),
    [
        ("Runway Gen-4, for its part, renders hands better than Pika 2.2.", "strength", "Runway Gen-4"),
        ("Hailuo 02 is noticeably sharper than Vidu Q2 in night scenes.", "strength", "Hailuo 02"),
        ("Text rendering remains a weak point of Luma Ray2.", "bug", "Luma Ray2"),
        ("可灵2.1的软肋还是文字渲染。", "bug", "Kling 2.1"),
    ],
)
def test_english_comparatives_and_weak_points(text: str, kind: str, model: str) -> None:
    assert (kind, model) in {(c.kind, c.model) for c in scored(claims_of(text))}


def test_more_expensive_than_is_no_praise() -> None:
    text = "Veo 3.1 is more expensive than Hailuo 02 for the same clip."
    assert not [c for c in scored(claims_of(text)) if c.kind == "strength"]


def test_items_on_a_pros_or_cons_line_are_one_claim_each() -> None:
    text = (
        "Luma Ray2\n\nPros: quick turnaround, natural lighting, faithful colours.\n\n缺点：排队久，偶尔穿模\n"
    )
    kinds = ("strength", "bug", "limitation")
    got = sorted((c.kind, c.quote) for c in scored(claims_of(text)) if c.kind in kinds)
    assert got == [  # a long queue is a limitation by its own words, under a cons label too
        ("bug", "偶尔穿模"),
        ("limitation", "缺点：排队久"),
        ("strength", "Pros: quick turnaround"),
        ("strength", "faithful colours"),
        ("strength", "natural lighting"),
    ]


def test_an_item_stating_an_amount_on_a_cons_line_is_left_to_the_other_rules() -> None:
    text = "Pika 2.2\n\nCons: 10-second max, muddy textures\n"
    bugs = [c.quote for c in scored(claims_of(text)) if c.kind == "bug"]
    assert bugs == ["muddy textures"]


@pytest.mark.parametrize(
    ("text", "kind", "model"),
    [
        ("整体不错，Vidu Q2最大的问题是人物表情太少。", "bug", "Vidu Q2"),
        ("Pika 2.2的问题在于镜头一多就乱。", "bug", "Pika 2.2"),
        ("Luma Ray2's main issue is the heavy compression.", "bug", "Luma Ray2"),
        ("海螺02生成的狗跳起来以后变成了两只。", "bug", "Hailuo 02"),
        ("In Runway Gen-4 the knight walked straight through the castle door.", "bug", "Runway Gen-4"),
        ("Two actors in the Sora 2 clip had merged faces.", "bug", "Sora 2"),
        ("菜单上的价格数字，可灵2.1全部写对了。", "strength", "Kling 2.1"),
        ("Veo 3 timed the footsteps to the music perfectly.", "strength", "Veo 3"),
    ],
)
def test_flaws_and_praise_told_without_a_stock_adjective(text: str, kind: str, model: str) -> None:
    assert (kind, model) in {(c.kind, c.model) for c in scored(claims_of(text))}


@pytest.mark.parametrize(
    "text",
    [
        "Vidu Q2没有写对一个字。",
        "Sora 2 did not time the footsteps to the music perfectly.",
        "I wasn't impressed by Pika 2.2 at all.",
        "Pika 2.2 wasn't stunning.",
    ],
)
def test_a_denied_rendering_or_manner_is_no_praise(text: str) -> None:
    assert "strength" not in {c.kind for c in scored(claims_of(text))}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("What impressed me most about Luma Ray2 was the water.", "strength"),
        ("Pika 2.2 blew me away with its camera moves.", "strength"),
        ("Vidu Q2的运镜让人印象深刻。", "strength"),
    ],
)
def test_the_reviewer_impressed(text: str, kind: str) -> None:
    _one_verdict(text, kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("到了1080p，Vidu Q2的画面细节还是会糊。", "bug"),
        ("Vidu Q2生成的人物一转身脸就变了。", "bug"),
        ("Vidu Q2就算快速运动也不会糊。", "strength"),
    ],
)
def test_a_flaw_said_as_what_will_happen(text: str, kind: str) -> None:
    _one_verdict(text, kind)


@pytest.mark.parametrize(
    "text",
    ["Vidu Q1招牌上的字少了一个字。", "Vidu Q1干脆生成了一串看不懂的符号。"],
)
def test_text_rendered_wrong_is_a_bug(text: str) -> None:
    assert "bug" in {c.kind for c in scored(claims_of(text))}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Faces in Luma Ray2 can look a little waxy in close-ups.", "bug"),
        ("Luma Ray2 shows a few glitches in fast pans.", "bug"),
        ("Luma Ray2 shows few glitches in fast pans.", "strength"),
        ("Every fight scene came out clean in Luma Ray2.", "strength"),
        ("Luma Ray2 is the most dependable for action.", "strength"),
        ("Luma Ray2 often ignores camera directions.", "bug"),
    ],
)
def test_english_degrees_and_outcomes(text: str, kind: str) -> None:
    _one_verdict(text, kind)


def test_the_only_one_with_a_quality_is_praise_not_a_limit() -> None:
    kinds = {c.kind for c in scored(claims_of("Veo 3.1 is the only one with convincing dialogue."))}
    assert kinds == {"strength"}


@pytest.mark.parametrize(
    "text",
    ["Pika 2.2的画面很好。但问题也不少。", "Pika 2.2 is great, but it has some issues."],
)
def test_flaws_announced_are_no_flaw(text: str) -> None:
    assert "bug" not in {c.kind for c in scored(claims_of(text))}


def test_a_wait_that_even_runs_over_is_no_feat() -> None:
    kinds = {c.kind for c in scored(claims_of("Pika 2.2高峰时段甚至会超过5分钟。"))}
    assert "strength" not in kinds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Pika 2.2是我用过运镜最有想法的模型。", "strength"),
        ("Pika 2.2的出片稳定性还不够。", "bug"),
        ("相比之下，Pika 2.2稳定很多。", "strength"),
        ("Pika 2.2的镜头语言比较保守。", "bug"),
    ],
)
def test_chinese_verdicts_on_ideas_steadiness_and_caution(text: str, kind: str) -> None:
    _one_verdict(text, kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The chef's hands in Pika 2.2 kept their five fingers the whole time.", "strength"),
        ("In Pika 2.2 the pancake dissolved into batter mid-air.", "bug"),
    ],
)
def test_what_held_or_fell_apart_in_a_story(text: str, kind: str) -> None:
    _one_verdict(text, kind)


def test_richer_expressions_said_as_a_comparison_are_praise() -> None:
    assert "strength" in {c.kind for c in scored(claims_of("海螺02的人物表情则丰富得多。"))}
    assert "strength" not in {c.kind for c in scored(claims_of("提示词：桌上的菜肴丰富，一家人聊天。"))}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("In Pika 2.2 the voices sometimes came out muffled.", "bug"),
        ("The biggest upgrade in Pika 2.2 is physics.", "strength"),
        ("In Pika 2.2 objects fall and bounce the way you'd expect.", "strength"),
    ],
)
def test_upgrades_expectations_and_muffled_sound(text: str, kind: str) -> None:
    _one_verdict(text, kind)


@pytest.mark.parametrize(
    "text",
    ["PixVerse V5是所有模型里最快的。", "PixVerse V5生成的人物长相和参考图几乎一模一样。"],
)
def test_fastest_of_a_group_and_identical_to_the_reference_are_praise(text: str) -> None:
    assert "strength" in {c.kind for c in scored(claims_of(text))}


@pytest.mark.parametrize(
    ("text", "model"),
    [
        # the group a superlative ranks the subject in is no subject of the clause
        ("海螺02出片40秒左右，是所有模型里最快的。", "Hailuo 02"),
        ("PixVerse V5出片很稳，是几款里面最便宜的。", "PixVerse V5"),
        ("在所有模型中，海螺02最快。", "Hailuo 02"),
        ("Veo 3 is the fastest model I tested.", "Veo 3"),
        ("Of all the models, Veo 3 was the quickest.", "Veo 3"),
        ("The fastest was Veo 3.", "Veo 3"),
    ],
)
def test_the_fastest_or_cheapest_of_a_group_is_praise_of_the_subject(text: str, model: str) -> None:
    assert ("strength", model) in {(c.kind, c.model) for c in scored(claims_of(text))}


@pytest.mark.parametrize(
    "text",
    ["可灵2.1最快也要3分钟。", "海螺02最快30秒就能出片。", "可灵2.1不是最快的。"],
)
def test_a_bound_or_a_denied_superlative_is_no_praise(text: str) -> None:
    assert "strength" not in _kinds(text)


def test_a_drift_told_in_the_past_is_a_flaw() -> None:
    claims = scored(claims_of("Runway Gen-4 was quicker at 45 seconds, but the faces drifted."))
    assert ("bug", "Runway Gen-4") in {(c.kind, c.model) for c in claims}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Veo 3.1 lip sync is nearly perfect.", "strength"),
        ("In Sora 2, text rendering is still weak.", "bug"),
    ],
)
def test_nearly_perfect_and_still_weak(text: str, kind: str) -> None:
    _one_verdict(text, kind)


def test_a_clause_opening_with_none_of_says_nothing_good_of_any() -> None:
    text = 'I tested Veo 3.1, Sora 2 and Kling 2.5 Turbo. None of the three could spell "OPEN" reliably.'
    assert "strength" not in _kinds(text)


def test_something_added_unasked_is_a_flaw_not_a_feature() -> None:
    kinds = _kinds("Veo 3.1 occasionally adds background music I never asked for.")
    assert "bug" in kinds and "capability" not in kinds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("海螺的表演也很完整,吃相比可灵收敛。", "strength"),
        ("即梦完全在状况外,只是让乔伊坐了起来。", "bug"),
        ("Veo 3.1 标准版细节最丰富。", "strength"),
    ],
)
def test_complete_performances_rich_detail_and_a_clueless_take(text: str, kind: str) -> None:
    _one_verdict(text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "In Runway Gen-4 Turbo the prompt asked for large snowflakes with realistic tumbling motion.",
        "In Runway Gen-4 Turbo the fabric should have dragged naturally through the water.",
    ],
)
def test_what_was_asked_or_expected_is_no_praise(text: str) -> None:
    assert "strength" not in _kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "In Runway Gen-4 the sleeve clipped straight through the basin edge.",
        "In Runway Gen-4 a tree branch bends through itself.",
        "In Runway Gen-4 a person's hand gains a finger mid-gesture.",
        "In Runway Gen-4 the water flows in two directions simultaneously.",
        "Runway Gen-4 doesn't quite understand how the world works.",
    ],
)
def test_physics_failures_told_in_english(text: str) -> None:
    _one_verdict(text, "bug")


@pytest.mark.parametrize(
    "text",
    [
        "与竞品相比,Sora 2 在物理真实性方面实现了质的飞跃。",
        "Sora 2 中动物落地时的缓冲动作更具科学性。",
        "Sora 2 里水面的涟漪扩散均符合真实物理特性。",
    ],
)
def test_a_leap_in_quality_and_more_scientific_motion_are_praise(text: str) -> None:
    assert "strength" in _kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("In Veo 3 the camera jittered constantly.", "bug"),
        ("In Veo 3 her hands melted into the cup.", "bug"),
        ("Veo 3 got the reflections in the puddle exactly right.", "strength"),
        ("Veo 3 rendered the crowd with surprising coherence.", "strength"),
    ],
)
def test_jitter_melting_and_qualities_named_with_surprise(text: str, kind: str) -> None:
    _one_verdict(text, kind)


def test_nailed_one_thing_but_botched_another_is_both() -> None:
    assert _kinds("Veo 3 nailed the lighting but botched the hands.") == {"strength", "bug"}


@pytest.mark.parametrize("text", ["可灵2.1光影拿捏得很好，但手部一塌糊涂。", "可灵2.1生成的汽车倒着开。"])
def test_a_mess_or_a_car_driving_backwards_is_a_flaw(text: str) -> None:
    assert "bug" in _kinds(text)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("In Kling 2.1 the motion breaks down after five seconds.", {"bug"}),
        ("Kling 2.1 breaks down when two people hug.", {"bug"}),
        ("This guide breaks down Kling 2.1 vs. Hailuo 02, covering pricing and limits.", set()),
        ("Below I break down what Kling 2.1 costs.", set()),
    ],
)
def test_breaking_down_is_a_flaw_but_breaking_something_down_is_an_analysis(
    text: str, kinds: set[str]
) -> None:
    assert _kinds(text) == kinds


@pytest.mark.parametrize(
    "text",
    [
        "可灵1.6的测试里，镜中狮子的动作要完全同步，镜面反射表现要极为真实。",
        "可灵1.6这一关，毛发细节表现要自然，狮子的威严也要完美呈现。",
        "For Kling 1.6 the house must remain perfectly identical from the first to the last frame.",
    ],
)
def test_what_a_test_requires_is_no_praise(text: str) -> None:
    assert "strength" not in _kinds(text)


@pytest.mark.parametrize("text", ["可灵1.6比海螺要好很多。", "可灵1.6的画面还要更稳定。"])
def test_a_comparison_with_yao_is_still_praise(text: str) -> None:
    assert "strength" in _kinds(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Runway Gen-4 shows less flicker than Gen-3.", "strength"),
        ("Runway Gen-4 is less stiff in motion.", "strength"),
        ("Wan 2.1 常常會有詭異結果。", "bug"),
        ("Wan 2.1 经常出现奇怪画面。", "bug"),
    ],
)
def test_less_of_a_flaw_is_praise_and_a_weird_result_is_a_flaw(text: str, kind: str) -> None:
    _one_verdict(text, kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("In Sora 2 the faces morphed and flickered.", "bug"),
        ("Pika 2.2 shows hardly any movement.", "bug"),
        ("Pika 2.2 gives unconvincing lighting.", "bug"),
        ("Pika 2.2 looks very artificial.", "bug"),
        ("Sora 2 truly shone in the dance scene.", "strength"),
        ("The characters felt very much alive in Sora 2.", "strength"),
        ("Runway Gen-2 does a decent job overall.", "strength"),
    ],
)
def test_english_quality_words_read_in_new_reviews(text: str, kind: str) -> None:
    assert kind in _kinds(text)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("可灵2.1在多个镜头里保持了角色一致。", {"strength"}),
        ("Gen-3 Alpha 能在10秒的片段里保证人物五官稳定不变。", {"strength"}),
        ("可灵2.1无法保持角色一致。", set()),
    ],
)
def test_kept_stable_or_consistent_is_praise(text: str, kinds: set[str]) -> None:
    assert _kinds(text) & {"strength", "bug"} == kinds
