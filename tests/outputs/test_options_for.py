"""One rule for which --option values a format gets, shared by render and batch."""

from __future__ import annotations

import govreport
from govreport.outputs.base import options_for


def test_several_formats_get_only_their_own_options() -> None:
    engine = govreport.Engine(autoload=False)
    given = {"width": "80", "fragment": True}
    assert options_for(engine.outputs["txt"], given, several=True) == {"width": "80"}
    assert options_for(engine.outputs["html"], given, several=True) == {"fragment": True}


def test_one_format_gets_everything_so_a_misspelt_option_is_refused() -> None:
    engine = govreport.Engine(autoload=False)
    assert options_for(engine.outputs["txt"], {"widht": "80"}, several=False) == {"widht": "80"}
