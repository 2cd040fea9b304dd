"""Hostile report text stays text: no script, no handler, no extra table cell."""

from __future__ import annotations

from govreport import spec

from .support import HOSTILE, hostile_report, parse, previous_of, render


def _cell_counts(html: str) -> dict[str, int]:
    return {k: sum(len(r) for r in t.rows) for k, t in parse(html).official().items()}


def test_hostile_text_changes_no_structure() -> None:
    for options in ({}, {"fragment": True, "charts": True}):
        # A report with harmless text in the same fields: same paragraphs, same elements.
        benign = hostile_report(tuple(f"普通文字{i}" for i in range(len(HOSTILE))))
        clean = parse(render(benign, previous_of(benign), **options))
        html = render(hostile_report(), previous_of(hostile_report()), **options)
        parsed = parse(html)
        assert parsed.tags("script") == []
        assert parsed.tags("a") == [] and parsed.tags("img") == []
        assert len(parsed.tags("style")) == 1
        assert len(parsed.tables) == 3
        # The same elements as the clean report, in the same order.
        assert [t for t, _ in parsed.start_tags] == [t for t, _ in clean.start_tags]
        for _, attrs in parsed.start_tags:
            assert not any(name.startswith("on") for name in attrs)
            assert not any("javascript:" in value for value in attrs.values())
        assert _cell_counts(html) == {k: len(t.cells) for k, t in spec.tables().items()}


def test_hostile_text_is_shown_verbatim() -> None:
    text = parse(render(hostile_report())).text
    for sample in HOSTILE:
        assert sample in text
