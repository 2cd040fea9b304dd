"""A report rendered into several formats is assembled into a document once."""

from __future__ import annotations

import attrs

from govreport import Engine, Placement, Section, SectionProvider, hookimpl
from govreport.testing import sample_report


class Counting:
    """A section provider that counts how often the document is assembled."""

    def __init__(self, name: str = "counted") -> None:
        self.name = name
        self.builds = 0

    def build(self, ctx: object) -> Section:
        self.builds += 1
        return Section(self.name, "计数", ())

    @hookimpl
    def govreport_register_sections(self, register):  # type: ignore[no-untyped-def]
        register(SectionProvider(self.name, self.build, Placement.at_end()))


def test_three_formats_of_one_report_assemble_it_once() -> None:
    counting = Counting()
    engine = Engine([counting], autoload=False)
    report = sample_report()
    outputs = {
        fmt: engine.render(report, fmt, allow_errors=True) for fmt in ("txt", "html", "docx")
    }
    assert counting.builds == 1
    assert all(outputs.values())
    # The document is the same object as long as nothing it depends on changes...
    assert engine.document(report) is engine.document(report)
    assert counting.builds == 1


def test_anything_the_document_depends_on_assembles_it_again() -> None:
    counting = Counting()
    engine = Engine([counting], autoload=False)
    report = sample_report()
    engine.document(report)
    # ...an equal report that is another object, another previous report, no signature:
    engine.document(attrs.evolve(report))
    engine.document(report, previous=sample_report())
    engine.document(report, signature=False)
    assert counting.builds == 4
    # ...and a plugin added since.
    engine.document(report)
    assert counting.builds == 5
    engine.add_plugin(Counting("second"), name="second")
    assert engine.document(report).section("second") is not None  # the new registry's
    assert counting.builds == 6


def test_the_cached_document_gives_the_same_bytes() -> None:
    report = sample_report()
    fresh = Engine(autoload=False).render(report, "txt", allow_errors=True)
    engine = Engine(autoload=False)
    engine.render(report, "html", allow_errors=True)
    assert engine.render(report, "txt", allow_errors=True) == fresh
