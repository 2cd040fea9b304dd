"""A plugin's data block with every supported kind of field (shared by the extension tests)."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from decimal import Decimal

import attrs

from govreport import hookimpl
from govreport.plugins.contributions import Extension


class Status(enum.Enum):
    PLANNED = "planned"
    DONE = "done"


@attrs.frozen(kw_only=True)
class Contact:
    phone: str = attrs.field(default="", metadata={"label": "电话"})


@attrs.frozen(kw_only=True)
class KeyTask:
    name: str = attrs.field(metadata={"label": "名称"})
    status: Status = attrs.field(default=Status.PLANNED, metadata={"label": "状态"})
    due: dt.date | None = attrs.field(default=None, metadata={"label": "完成时限"})
    budget: Decimal = attrs.field(default=Decimal(0), metadata={"label": "预算（万元）"})
    steps: tuple[str, ...] = attrs.field(default=(), metadata={"label": "措施"})
    done: bool = attrs.field(default=False, metadata={"label": "已完成"})


@attrs.frozen(kw_only=True)
class KeyTasks:
    goal: str = attrs.field(default="", metadata={"label": "年度目标"})
    tasks: tuple[KeyTask, ...] = attrs.field(default=(), metadata={"label": "重点任务"})
    milestones: list[dt.date] = attrs.field(factory=list, metadata={"label": "时间节点"})
    counts: Mapping[str, int] = attrs.field(factory=dict, metadata={"label": "分项件数"})
    contacts: dict[str, Contact] = attrs.field(factory=dict, metadata={"label": "联系人"})
    lead: Contact | None = attrs.field(default=None, metadata={"label": "牵头人"})
    levels: tuple[Status, ...] = ()
    reviewed: dt.date | None = None  # no default: absent means None (TOML has no null)


EXTENSION = Extension("keytasks", KeyTasks, "重点任务")


class KeyTasksPlugin:
    @hookimpl
    def govreport_register_extensions(self, register):  # type: ignore[no-untyped-def]
        register(EXTENSION)
