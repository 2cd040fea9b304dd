"""The app under test, as a page's script talks to it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from govreport.serve.app import create_app


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """The app's drafts folder (made by the app)."""
    return tmp_path / "data"


@pytest.fixture
def client(data: Path) -> Iterator[TestClient]:
    """A client holding the app's CSRF cookie and sending its token as the page's script does.

    (``test_downloads`` has its own, which sends the token in a form field instead.)
    """
    with TestClient(create_app(data), base_url="http://127.0.0.1") as c:
        c.get("/api/drafts/000000000000")
        c.headers["X-CSRF-Token"] = c.cookies["gr_csrf"]
        yield c
