"""Limits of access told as availability: not yet offered somewhere, reached only with an invite code."""

from __future__ import annotations

import pytest

from tests.extract_helpers import claims_of, scored


def _kinds(text: str) -> list[tuple[str, str | None]]:
    return [(c.kind, c.model) for c in scored(claims_of(text))]


@pytest.mark.parametrize(
    "text",
    [
        "海螺02的图生视频尚未在国际版中开放。",
        "Vidu Q1目前暂未在网页端上线。",
        "即梦3.0现在只能通过邀请码进入。",
        "Pika 2.2 is not yet available in Europe.",
    ],
)
def test_availability_short_of_all_users_is_a_limitation(text: str) -> None:
    assert [k for k, _ in _kinds(text)] == ["limitation"]


def test_no_invite_code_needed_is_no_limitation() -> None:
    assert ("limitation", "Jimeng 3.0") not in _kinds("即梦3.0现在无需邀请码，人人可用。")


@pytest.mark.parametrize(
    "text",
    [
        "可惜Sora 2目前只开放给美国和加拿大的用户。",
        "可惜目前 Sora 2 只開放給美國和加拿大的用戶。",
    ],
)
def test_open_only_to_some_users_said_with_give_is_a_limitation(text: str) -> None:
    assert [k for k, _ in _kinds(text)] == ["limitation"]


@pytest.mark.parametrize(
    "text",
    [
        "唯一的弊端就是，Vidu 2.0 得开那档最贵的旗舰版才能用。",
        "Runway Gen-4 API access requires Standard plan minimum.",
        "当时Sora並未向公眾開放。",
    ],
)
def test_access_that_takes_a_plan_or_is_closed_is_a_limitation(text: str) -> None:
    assert [k for k, _ in _kinds(text)] == ["limitation"]
