"""A plugin written against v0.1's documented import paths keeps working in this release.

Every import below is one that v0.1's docs or example plugins used.  None may raise, and
none may warn except where a deprecation is documented on the API page.
"""

from __future__ import annotations

import warnings
from typing import ClassVar

import attrs


def test_a_v01_plugin_still_loads_validates_and_renders() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an old path that now warns must be documented first
        from govreport import Capability, Engine, Finding, OptionSpec, Rule, Severity, hookimpl
        from govreport.document import (
            Heading,
            Paragraph,
            Placement,
            Section,
            SectionProvider,
        )
        from govreport.io import save_report  # noqa: F401
        from govreport.outputs.base import RenderRequest  # noqa: F401
        from govreport.plugins import DISABLE_AUTOLOAD_ENV, DuplicateNameError  # noqa: F401
        from govreport.plugins import hookimpl as old_hookimpl
        from govreport.plugins.contributions import (
            Extension,
            HelperKind,
            InputLoader,  # noqa: F401
            TemplateHelper,
        )
        from govreport.plugins.hookspecs import RegisterOutput  # noqa: F401
        from govreport.rules.base import Finding as OldFinding
        from govreport.rules.base import RuleContext
        from govreport.spec import SECTIONS
        from govreport.testing import DocxXml, render_text, sample_report

    assert old_hookimpl is hookimpl and OldFinding is Finding
    assert next(key for key, _ in SECTIONS) == "overview" and dict(SECTIONS)["other"]

    @attrs.frozen
    class Honours:
        count: int = attrs.field(default=0, metadata={"label": "荣誉数"})

    class Upper:
        name, extension, media_type, description = "upper", ".up", "text/plain", "大写"
        capabilities = frozenset({Capability.BINARY})
        options: ClassVar[dict[str, OptionSpec]] = {"width": OptionSpec("宽度", int, 72)}

        def render(self, document, request) -> bytes:  # type: ignore[no-untyped-def]
            width = request.option("width")
            return "\n".join(s.heading[:width] for s in document.sections).encode()

    def check(ctx: RuleContext) -> list[Finding]:
        count = getattr(ctx.report.extension("honours"), "count", 0)
        return [Finding("HON1", Severity.WARNING, "荣誉为负", "extensions.honours")] * (count < 0)

    class OldStyle:
        @old_hookimpl
        def govreport_register_outputs(self, register) -> None:  # type: ignore[no-untyped-def]
            register(Upper())

        @hookimpl
        def govreport_register_sections(self, register) -> None:  # type: ignore[no-untyped-def]
            register(
                SectionProvider(
                    "honours",
                    lambda ctx: Section(
                        "honours", "荣誉", (Heading("（一）概况"), Paragraph("见下。"))
                    ),
                    Placement.after("problems"),
                )
            )

        @hookimpl
        def govreport_register_rules(self, register) -> None:  # type: ignore[no-untyped-def]
            register(Rule("HON1", "荣誉数不为负", check))

        @hookimpl
        def govreport_register_extensions(self, register) -> None:  # type: ignore[no-untyped-def]
            register(Extension("honours", Honours, "荣誉"))

        @hookimpl
        def govreport_register_template_helpers(self, register) -> None:  # type: ignore[no-untyped-def]
            register(TemplateHelper("portal", "https://example.gov.cn", HelperKind.GLOBAL))

    engine = Engine([OldStyle()], autoload=False)
    report = attrs.evolve(sample_report(), extensions={"honours": Honours(-1)})
    assert [f.code for f in engine.validate(report) if f.code == "HON1"] == ["HON1"]
    out = engine.render(report, "upper", options={"width": "4"}).decode()
    assert "六、荣誉" in out.splitlines()
    assert "荣誉" in render_text(report, [OldStyle()])
    assert DocxXml(engine.render(report, "docx")).paragraph_texts()
