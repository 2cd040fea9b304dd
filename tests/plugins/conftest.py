"""Makes the ``govreport_hook`` marker a checked claim, not a label.

A test marked ``@pytest.mark.govreport_hook("govreport_register_x")`` fails
unless it built an Engine in which a plugin other than the built-ins
implements that hook, and the engine called it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from govreport.plugins.engine import DEFAULT_PLUGINS, Engine


@pytest.fixture(autouse=True)
def _hook_really_exercised(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    marker = request.node.get_closest_marker("govreport_hook")
    if marker is None:
        yield
        return
    hook_name = marker.args[0]
    called: list[str] = []
    original = Engine._call_register_hook

    def spy(self: Engine, name: str, registry: object, key: object) -> None:
        original(self, name, registry, key)  # type: ignore[arg-type]
        impls = getattr(self.pm.hook, name).get_hookimpls()
        if name == hook_name and any(i.plugin_name not in DEFAULT_PLUGINS for i in impls):
            called.append(name)

    monkeypatch.setattr(Engine, "_call_register_hook", spy)
    yield
    assert called, (
        f"marked govreport_hook({hook_name!r}) but no Engine with a plugin implementing it "
        "was built"
    )
