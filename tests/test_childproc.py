"""A parser run in a bounded child: its answer, or why there was none."""

from __future__ import annotations

import os
import time

import pytest

from govreport import childproc
from govreport.childproc import Failure, NoAnswer

pytestmark = pytest.mark.skipif(not childproc.can_fork(), reason="forking is not safe here")


def _upper(data: bytes) -> bytes:
    return data.upper()


def _sleeps(data: bytes) -> bytes:
    time.sleep(60)
    return data


def _exits(data: bytes) -> bytes:
    os._exit(7)


def test_the_childs_answer_comes_back() -> None:
    assert childproc.run_forked(_upper, b"abc", seconds=10, max_answer=100) == b"ABC"


def test_a_child_that_does_not_answer_in_time_is_killed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(childproc, "GRACE", 0.0)
    started = time.monotonic()
    assert childproc.run_forked(_sleeps, b"x", seconds=0.5, max_answer=100) == NoAnswer(
        Failure.TIMEOUT
    )
    assert time.monotonic() - started < 10


def test_a_child_that_dies_says_its_exit_code() -> None:
    assert childproc.run_forked(_exits, b"x", seconds=10, max_answer=100) == NoAnswer(
        Failure.DIED, 7
    )


def test_an_answer_larger_than_allowed_is_no_answer() -> None:
    reply = childproc.run_forked(_upper, b"x" * 200, seconds=10, max_answer=100)
    assert isinstance(reply, NoAnswer) and reply.failure is Failure.DIED
