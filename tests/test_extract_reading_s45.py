"""Session 45: fixes found by reading the misses of real reviews (each case written for its
mechanism, never copied from a set)."""

from __future__ import annotations

from tests.extract_helpers import quoted_of as _of
from tests.extract_helpers import speeds_of as _speeds

# ----- hours and minutes in one time -----


def test_hours_then_minutes_are_one_time() -> None:
    assert _speeds("Wan 2.2 渲染一条视频用了3小时20分钟。") == [("Wan 2.2", 12000.0)]
    assert _speeds("Wan 2.2 took 1 hour and 10 minutes to render one clip.") == [("Wan 2.2", 4200.0)]


def test_abbreviated_hours_do_not_end_the_sentence() -> None:
    got = _speeds("HunyuanVideo renders a 5s clip in about 3 hrs. 15 mins on my card.")
    assert got == [("Hunyuan", 11700.0)]


def test_a_sentence_after_minutes_still_starts_anew() -> None:
    got = _speeds("HunyuanVideo took 3 hrs. 15 mins. Then I tried 360p: about 20 mins per clip.")
    assert ("Hunyuan", 11700.0) in got and ("Hunyuan", 1200.0) in got


# ----- two times taken in one clause -----


def test_two_times_joined_by_and_are_two_speeds() -> None:
    text = "Vidu Q2 takes about 50 seconds for a 4s clip and 90 seconds for an 8s clip."
    assert _speeds(text) == [("Vidu Q2", 50.0), ("Vidu Q2", 90.0)]


def test_between_two_times_stays_one_speed() -> None:
    assert len(_speeds("Vidu Q2 takes between 40 seconds and 3 minutes to generate.")) == 1


# ----- the cons label that names where a model is weak -----


def test_a_worst_at_row_gives_limitations() -> None:
    text = (
        "|  | Pika 2.2 | Luma Ray2 |\n|---|---|---|\n"
        "| Best at | Effects | Camera moves |\n| Worst at | Text rendering | Crowds |"
    )
    assert [m for m, _ in _of(text, "limitation")] == ["Pika 2.2", "Luma Ray2"]
    assert _of(text, "bug") == []
    assert [m for m, _ in _of(text, "strength")] == ["Pika 2.2", "Luma Ray2"]


def test_a_cons_row_still_gives_flaws() -> None:
    text = "|  | Pika 2.2 | Luma Ray2 |\n|---|---|---|\n| Cons | Warped hands | Flicker |"
    assert [m for m, _ in _of(text, "bug")] == ["Pika 2.2", "Luma Ray2"]


def test_a_weak_at_column_gives_limitations() -> None:
    text = "| Model | Strengths | Weak at |\n|---|---|---|\n| Vidu Q2 | Anime style | Long takes |"
    assert _of(text, "limitation") == [("Vidu Q2", "Long takes")]


# ----- a cell saying the feature is natively supported -----


def test_native_support_cell_is_a_capability() -> None:
    text = (
        "| Feature | Pika 2.2 | Luma Ray2 |\n|---|---|---|\n"
        "| Vertical video | Not supported | Native support (mobile first) |"
    )
    assert [m for m, _ in _of(text, "capability")] == ["Luma Ray2"]
    assert [m for m, _ in _of(text, "limitation")] == ["Pika 2.2"]


# ----- yardsticks listed with a space between -----


def test_yardsticks_run_together_with_a_space_get_no_verdict() -> None:
    text = "混元视频表现最好，吊打pika luma和vidu。"
    got = _of(text, "strength")
    assert [m for m, _ in got] == ["Hunyuan"]


# ----- a cleft sentence names its subject -----


def test_the_model_a_cleft_sentence_names_is_the_next_paragraphs_topic() -> None:
    text = "第一个是Vidu Q2。\n\n画面很干净。\n\n最夸张的是pika这个。\n\n人物的手变成了脚。"
    assert [m for m, q in _of(text, "bug") if "变成" in q] == ["Pika"]


# ----- a body turning into something it is not -----


def test_a_body_part_turning_into_another_is_a_flaw() -> None:
    assert [m for m, _ in _of("Vidu Q2 的镜头里，舞者的头变成了脚。", "bug")] == ["Vidu Q2"]
    assert [m for m, _ in _of("In Pika 2.2, the runner's hand turned into a foot.", "bug")] == ["Pika 2.2"]


def test_a_body_stretched_like_dough_is_a_flaw() -> None:
    assert [m for m, _ in _of("Luma Ray2 里人物的手臂像橡皮泥一样拉长。", "bug")] == ["Luma Ray2"]
    assert [m for m, _ in _of("In Luma Ray2 her neck stretched like taffy.", "bug")] == ["Luma Ray2"]


def test_words_holding_a_body_character_are_no_flaw() -> None:
    assert _of("用了Vidu Q2以后，这位歌手变成了头条人物。", "bug") == []
    assert _of("Vidu Q2 把视频时长拉长到了8秒。", "bug") == []
    assert _of("In Pika 2.2 she stretches her arms and smiles.", "bug") == []


# ----- guards from a fresh reader's probes -----


def test_an_hour_then_a_new_sentence_of_minutes_stays_two_times() -> None:
    got = _speeds("Vidu Q2 finished in 1 hour. 5 minutes later Pika 2.2 was done too.")
    assert got == [("Vidu Q2", 3600.0), ("Pika 2.2", 300.0)]


def test_hrs_then_a_count_still_ends_the_sentence() -> None:
    text = "Pika 2.2 took about 2 hrs. 5 of my 20 clips had warped hands."
    assert [q for _, q in _of(text, "bug")] == ["5 of my 20 clips had warped hands"]


def test_minutes_and_seconds_are_one_time() -> None:
    assert _speeds("Pika 2.2 took 2 minutes and 30 seconds to render.") == [("Pika 2.2", 150.0)]


def test_two_times_with_no_clip_each_stay_one_claim() -> None:
    assert len(_speeds("Luma Ray2 took 2 minutes and 3 minutes on a second try.")) == 1


def test_a_version_colon_then_hours_is_no_aspect_ratio() -> None:
    text = "Vidu 2: 1 hour 5 minutes per 8s clip."
    assert _speeds(text) == [("Vidu 2.0", 3900.0)]
    assert _of(text, "capability") == []


def test_a_cleft_turning_the_text_names_no_subject() -> None:
    text = "本文主要测试Vidu Q2。\n\n值得一提的是pika也支持音频。\n\n生成一条视频要3分钟，画面偶尔闪烁。"
    assert [m for m, _ in _speeds(text)] == ["Vidu Q2"]


def test_a_pose_or_a_price_that_stretches_is_no_flaw() -> None:
    assert _of("Vidu Q2 里舞者的手臂伸展拉长，动作很标准。", "bug") == []
    assert _of("Pika 2.2 pricing stretches impossibly high this year.", "bug") == []


def test_seconds_naming_the_next_clip_are_not_added_to_a_time() -> None:
    text = "On Pika 2.2, 4 second clips took 2 minutes and 8 second clips took about 3 minutes."
    assert ("Pika 2.2", 120.0) in _speeds(text)
    assert ("Pika 2.2", 128.0) not in _speeds(text)


def test_a_pair_split_needs_a_clip_after_each_time() -> None:
    assert len(_speeds("Pika 2.2 takes 2 minutes for a 4s clip and 3 minutes for an 8s one.")) == 1


def test_a_cleft_turning_the_text_with_most_names_no_subject() -> None:
    text = "这次主要测Vidu Q2。\n\n最重要的是pika也出了类似功能。\n\n画面很稳定，几乎没有闪烁。"
    assert {m for m, _ in _of(text, "strength")} == {"Vidu Q2"}


def test_noodles_and_a_close_up_are_no_flaw() -> None:
    assert _of("我让Vidu Q2生成了一段师傅做抻面的视频。", "bug") == []
    assert _of("Vidu Q2的开头变成了手的特写。", "bug") == []


# ----- v220 -----


def test_a_model_that_works_only_if_you_do_the_work_has_a_limitation() -> None:
    text = "Pika 2.2 能自己分镜，但是Vidu Q2还是需要你把提示词写得很精确才行。"
    assert ("Vidu Q2", "但是Vidu Q2还是需要你把提示词写得很精确才行") in _of(text, "limitation")
    assert _of("Vidu Q2 需要等3分钟才行。", "limitation") == []
    assert _of("今天测完Vidu Q2，我还需要把稿子写完才行。", "limitation") == []
    assert _of("以前的模型都需要把提示词写得很长才行，Vidu Q2完全不用。", "limitation") == []


def test_the_model_itself_said_to_be_slow_is_a_limitation() -> None:
    text = "I tried Vidu Q2 last night.\n\nThis model is quite slow."
    assert _of(text, "limitation") == [("Vidu Q2", "This model is quite slow")]
    assert _of("Vidu Q2 is great. The model is slow-paced in its camera work.", "limitation") == []
    clip = "Vidu Q2 clip three has a problem: the runner drifts, and this one is slow, like half speed."
    assert _of(clip, "limitation") == []
