"""``govreport serve``: a local web form that checks as you type (issue 14)."""
