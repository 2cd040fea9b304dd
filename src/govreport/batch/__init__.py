"""Many reports at once: :func:`render_many` and what it yields.

- :mod:`~govreport.batch.naming`: safe, distinct output names inside the folder;
- :mod:`~govreport.batch.pool`: the worker processes, fed a bounded number of tasks;
- :mod:`~govreport.batch.worker`: one engine per process, one input per task;
- :mod:`~govreport.batch.resume`: whether an input is done already;
- :mod:`~govreport.batch.report`: the JSON report, written in input order as items come.
"""

from govreport.batch.items import BatchItem, Status
from govreport.batch.naming import Namer, safe_stem
from govreport.batch.pool import render_many

#: ``Status`` under the name the package root exports it by.
BatchStatus = Status

__all__ = ["BatchItem", "BatchStatus", "Namer", "Status", "render_many", "safe_stem"]
