"""Drafts: the CLI's data files in --data DIR, atomic, versioned; no client path is a path."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from govreport import default_engine
from govreport.io.formats import read_mapping
from govreport.serve.drafts import DraftNotFoundError, DraftStore, StaleDraftError
from govreport.serve.formdata import to_fields

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "shuangpu-2024.yaml"


def _fields() -> dict[str, str]:
    return to_fields(read_mapping(EXAMPLE))


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_a_saved_draft_is_a_data_file_the_cli_reads_alike(client: TestClient, data: Path) -> None:
    fields = _fields()
    saved = client.post("/api/drafts", json={"fields": fields, "version": 0})
    assert saved.status_code == 200
    draft_id, version = saved.json()["id"], saved.json()["version"]
    assert version == 1 and saved.json()["url"] == f"/drafts/{draft_id}"
    path = data / f"{draft_id}.yaml"
    assert sorted(p.name for p in data.iterdir()) == [path.name]  # no temporary file left
    # The engine reads it as the example it came from: same report, no problem.
    engine = default_engine()
    from_draft = engine.load_report(path)
    assert from_draft.problems == ()
    assert from_draft.report == engine.load_report(EXAMPLE).report
    # And back into the form: the same fields.
    again = client.get(f"/api/drafts/{draft_id}").json()
    assert again == {"fields": fields, "version": 1}


def test_what_was_typed_is_kept_even_when_wrong(client: TestClient, data: Path) -> None:
    fields = {**_fields(), "applications.received.natural_person": "十二"}
    draft_id = client.post("/api/drafts", json={"fields": fields, "version": 0}).json()["id"]
    loaded = default_engine().load_report(data / f"{draft_id}.yaml")
    assert [p.code for p in loaded.problems] == ["D2"]
    assert "十二" in loaded.problems[0].message
    assert client.get(f"/api/drafts/{draft_id}").json()["fields"] == fields


def test_two_tabs_saving_the_same_draft(client: TestClient, data: Path) -> None:
    fields = _fields()
    draft_id = client.post("/api/drafts", json={"fields": fields, "version": 0}).json()["id"]
    path = data / f"{draft_id}.yaml"
    # Both tabs opened version 1.
    tab_a = {**fields, "other.text": "A 窗口的修改"}
    tab_b = {**fields, "other.text": "B 窗口的修改"}
    first = client.post(f"/api/drafts/{draft_id}", json={"fields": tab_a, "version": 1})
    assert first.json() == {"version": 2}
    kept = path.read_bytes()
    second = client.post(f"/api/drafts/{draft_id}", json={"fields": tab_b, "version": 1})
    assert second.status_code == 409
    assert "另一个窗口已保存" in second.json()["message"]
    assert second.json()["version"] == 2
    # Tab A's save is intact; tab B's text is still in tab B, which was told.
    assert path.read_bytes() == kept
    assert client.get(f"/api/drafts/{draft_id}").json() == {"fields": tab_a, "version": 2}
    # Tab B reloads (version 2) and saves again: now it is the newest.
    third = client.post(f"/api/drafts/{draft_id}", json={"fields": tab_b, "version": 2})
    assert third.json() == {"version": 3}
    assert client.get(f"/api/drafts/{draft_id}").json()["fields"]["other.text"] == "B 窗口的修改"


@pytest.mark.parametrize(
    "draft_id",
    [
        "../../etc/passwd",
        "..%2F..%2Fetc%2Fpasswd",
        "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/etc/passwd",
        "ABCDEFGHIJKL",
        "aaaaaaaaaaaa.yaml",
        "aaaaaaaaaaa",
    ],
)
def test_path_like_draft_ids_touch_nothing(
    client: TestClient, data: Path, tmp_path: Path, draft_id: str
) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("year: 2024\n", encoding="utf-8")
    before = _tree(tmp_path)
    for method, path in (
        ("GET", f"/drafts/{draft_id}"),
        ("GET", f"/api/drafts/{draft_id}"),
        ("POST", f"/api/drafts/{draft_id}"),
    ):
        response = client.request(method, path, json={"fields": {"year": "2024"}, "version": 0})
        assert response.status_code == 404, (method, path, response.text)
        assert "Traceback" not in response.text
    assert _tree(tmp_path) == before


def test_the_store_refuses_ids_it_never_makes(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    made = store.new_id()
    assert re.fullmatch(r"[a-z0-9]{12}", made)
    assert store.path(made) == tmp_path / f"{made}.yaml"
    for bad in ("../x", "a/b", "", "x" * 12 + "\0", "Z" * 12, "a" * 13):
        with pytest.raises(DraftNotFoundError):
            store.path(bad)


def test_a_stale_save_writes_nothing_and_a_new_draft_starts_at_zero(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    draft_id = store.new_id()
    assert store.version(draft_id) == 0
    with pytest.raises(StaleDraftError):
        store.save(draft_id, {"year": 2024}, 3)
    assert not store.path(draft_id).exists()
    assert store.save(draft_id, {}, 0) == 1
    assert store.load(draft_id).data == {}  # an empty draft reads back as empty
    assert store.save(draft_id, {"year": 2024}, 1) == 2
    assert store.load(draft_id).data == {"year": 2024}
    assert store.ids() == [draft_id]


def test_a_failed_write_leaves_the_last_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = DraftStore(tmp_path)
    draft_id = store.new_id()
    store.save(draft_id, {"year": 2024}, 0)
    kept = store.path(draft_id).read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="磁盘空间不足"):
        store.save(draft_id, {"year": 2025}, 1)
    monkeypatch.undo()
    assert store.path(draft_id).read_bytes() == kept
    assert store.version(draft_id) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{draft_id}.yaml"]


def test_the_drafts_are_listed_newest_first(client: TestClient, data: Path) -> None:
    assert client.get("/api/drafts").json() == {"drafts": []}
    first = client.post("/api/drafts", json={"fields": _fields(), "version": 0}).json()["id"]
    os.utime(data / f"{first}.yaml", (1, 1))
    second = client.post("/api/drafts", json={"fields": {"year": "2025"}, "version": 0}).json()
    (data / "notes.yaml").write_text("year: 2024\n", encoding="utf-8")  # not a draft of ours
    listed = client.get("/api/drafts").json()["drafts"]
    assert listed == [
        {"id": second["id"], "version": 1, "url": second["url"], "agency": "", "year": "2025"},
        {
            "id": first,
            "version": 1,
            "url": f"/drafts/{first}",
            "agency": "杭州市西湖区双浦镇人民政府",
            "year": "2024",
        },
    ]
