"""govreport plugin: 人大代表建议和政协提案办理结果公开情况.

Adds a typed data block (``extensions: {suggestions: {...}}``), a validation
rule (published ≤ handled) and a subsection of 六、其他需要报告的事项.
"""

from govreport_suggestions.data import EXTENSION, Suggestions

__version__ = "0.1.0"
__all__ = ["EXTENSION", "Suggestions", "__version__"]
