import govreport
from govreport.rules import (
    arithmetic,
    crossyear,
    dates,
    imported,
    listing,
    narrative,
    placeholders,
    soft,
    text,
)
from govreport.rules.plugin import BUILTIN_RULES


def test_every_builtin_rule_is_registered_once():
    engine = govreport.Engine(autoload=False)
    modules = (arithmetic, crossyear, dates, narrative, placeholders, soft, text, listing, imported)
    defined = [rule for m in modules for rule in m.RULES]
    codes = [r.code for r in defined]
    assert len(codes) == len(set(codes))
    assert set(engine.rules) == set(codes)
    for rule in defined:
        assert engine.rules[rule.code] is rule
        assert engine.rules.owner(rule.code) == "govreport.rules.plugin"
    assert len(BUILTIN_RULES) == len(defined)


def test_engine_validate_runs_the_rules():
    from govreport.testing import sample_report

    engine = govreport.Engine(autoload=False)
    findings = engine.validate(sample_report(), stated={"review_litigation.review.total": 0})
    assert [f.code for f in findings] == ["R4"]
