"""Which model a bare version or a new brand name stands for."""

from __future__ import annotations

from tests.extract_helpers import claims_of


def test_a_bare_marked_version_is_of_the_brand_just_named_not_the_documents_first() -> None:
    text = "字节跳动推出的Seedance 2.0是缩影。与前身1.0相比，2.0版本画质达2K，在一分钟内产出完整影片。"
    models = {c.model for c in claims_of(text, title="AI影片下半场：Sora之后")}
    assert models == {"Seedance 2.0"}


def test_moonvalley_is_a_model_of_its_own() -> None:
    assert {
        c.model for c in claims_of("Pika 2.2 is blurry. Moonvalley generates convincing wing movements.")
    } == {
        "Pika 2.2",
        "Moonvalley",
    }


def test_a_model_made_to_look_old_by_comparison_is_a_yardstick_not_the_next_topic() -> None:
    text = (
        "Playing with Veo 3 is good fun. It feels like a step into the future, making Veo 2 feel outdated "
        "by comparison.\nAt the moment, we are limited to 8-second clips, which feels constraining."
    )
    assert [(c.kind, c.model) for c in claims_of(text) if c.kind == "limitation"] == [("limitation", "Veo 3")]
