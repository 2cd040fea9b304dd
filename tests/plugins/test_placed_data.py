"""PlacedData: a loader's mapping that knows where each value is, for messages."""

from __future__ import annotations

from pathlib import Path

from govreport import Engine, hookimpl
from govreport.findings import Finding, Severity
from govreport.plugins.contributions import InputLoader, PlacedData

PLACES = {"proactive.licensing": "表二!B9", "problems.problems[0]": "表五!B4"}


def test_a_problem_names_the_place_of_its_path_or_of_its_nearest_parent() -> None:
    data = PlacedData({"year": 2024}, PLACES)
    assert dict(data) == {"year": 2024} and data.places == PLACES
    at = Finding("D2", Severity.ERROR, "…", "proactive.licensing", "第二十条第（五）项/行政许可")
    below = Finding("D2", Severity.ERROR, "…", "problems.problems[0].x", "五/问题")
    elsewhere = Finding("D3", Severity.ERROR, "…", "agency.name", "机关信息/机关名称")
    placed = data.place([at, below, elsewhere])
    assert placed[0].location == "第二十条第（五）项/行政许可（表二!B9）"
    assert placed[1].location == "五/问题（表五!B4）"
    assert placed[2] == elsewhere


class _Sheet:
    @hookimpl
    def govreport_register_loaders(self, register):  # type: ignore[no-untyped-def]
        def read(path: Path) -> PlacedData:
            data = {"agency": {"name": "某某镇人民政府", "level": "township"}, "year": 2024}
            data["proactive"] = {"licensing": "十二"}
            return PlacedData(data, PLACES)

        register(InputLoader("sheet", (".sheet",), read))


def test_the_engine_places_the_problems_of_a_loaders_data(tmp_path: Path) -> None:
    path = tmp_path / "report.sheet"
    path.write_text("", encoding="utf-8")
    (problem,) = Engine([_Sheet()], autoload=False).load_report(path).problems
    assert problem.path == "proactive.licensing"
    assert problem.location.endswith("（表二!B9）") and "行政许可" in problem.location
