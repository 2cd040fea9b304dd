"""The reporting organ (行政机关)."""

from __future__ import annotations

import enum
from datetime import date

import attrs

from govreport.model._validators import enum_field, optional_bool, record_field, text, text_field
from govreport.model.errors import placed


class AdminLevel(enum.Enum):
    """Administrative level.  It decides the deadline and whether 规章 can exist."""

    TOWNSHIP = "township"
    COUNTY_DEPARTMENT = "county_department"
    COUNTY_GOVERNMENT = "county_government"
    CITY_DEPARTMENT = "city_department"
    CITY_GOVERNMENT = "city_government"
    PROVINCIAL_DEPARTMENT = "provincial_department"
    PROVINCIAL_GOVERNMENT = "provincial_government"
    STATE_COUNCIL_DEPARTMENT = "state_council_department"

    @property
    def label(self) -> str:
        return _LEVEL_LABELS[self]

    @property
    def is_government(self) -> bool:
        """县级以上地方人民政府: their own report is due by 3月31日 (条例第四十九条)."""
        return self in (
            AdminLevel.COUNTY_GOVERNMENT,
            AdminLevel.CITY_GOVERNMENT,
            AdminLevel.PROVINCIAL_GOVERNMENT,
        )

    @property
    def may_make_rules(self) -> bool:
        """Default rule-making power (立法法): provinces, 设区的市 and State Council departments."""
        return self in (
            AdminLevel.CITY_GOVERNMENT,
            AdminLevel.PROVINCIAL_GOVERNMENT,
            AdminLevel.STATE_COUNCIL_DEPARTMENT,
        )

    def deadline(self, year: int) -> date:
        """Last day to publish the report for ``year``."""
        return date(year + 1, 3, 31) if self.is_government else date(year + 1, 1, 31)


_LEVEL_LABELS = {
    AdminLevel.TOWNSHIP: "乡镇（街道）",
    AdminLevel.COUNTY_DEPARTMENT: "县级人民政府部门",
    AdminLevel.COUNTY_GOVERNMENT: "县级人民政府",
    AdminLevel.CITY_DEPARTMENT: "设区的市级人民政府部门",
    AdminLevel.CITY_GOVERNMENT: "设区的市级人民政府",
    AdminLevel.PROVINCIAL_DEPARTMENT: "省级人民政府部门",
    AdminLevel.PROVINCIAL_GOVERNMENT: "省级人民政府",
    AdminLevel.STATE_COUNCIL_DEPARTMENT: "国务院部门",
}


@placed("agency.contact")
@attrs.frozen(kw_only=True)
class Contact:
    """Where the public can ask about the report (opening paragraph)."""

    address: str = text_field()
    postcode: str = text_field()
    phone: str = text_field()
    fax: str = text_field()
    email: str = text_field()

    def is_empty(self) -> bool:
        return not (self.address or self.postcode or self.phone or self.fax or self.email)


@placed("agency")
@attrs.frozen(kw_only=True)
class Agency:
    """The reporting organ.

    ``level`` also takes the value (``"township"``) or the official label
    (``"乡镇（街道）"``) of an :class:`AdminLevel`; ``contact`` a mapping.
    """

    name: str = attrs.field(validator=text)
    level: AdminLevel = enum_field(AdminLevel)
    #: None means "as usual for the level" (see AdminLevel.may_make_rules).
    has_rulemaking_power: bool | None = attrs.field(default=None, validator=optional_bool)
    contact: Contact = record_field(Contact)
    #: Where the electronic version is published (opening paragraph).
    website: str = text_field()

    @property
    def makes_rules(self) -> bool:
        if self.has_rulemaking_power is None:
            return self.level.may_make_rules
        return self.has_rulemaking_power
