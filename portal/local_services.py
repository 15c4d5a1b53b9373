"""Help where you live: every municipality, the county that organises its child welfare, and
each county's contacts, from facts/local-services.yml.

One reader for everything that uses the data: the check (scripts/check_local_services.py),
the build hook (hooks/local_services.py: the finder's JSON and the list page) and the tests.
`problems()` is the check itself: a municipality in no county or in two, a county's name
in no list, a value without its source or check date, a check date more than 12 months ago
(an error) or more than 6 months ago (a warning). Each complaint names the file, the line
and the fix.

A municipality's id (its anchor on the list page and its ?kunta= value) is its Finnish name
made plain: lower case, no diacritics, "-" between words ("Koski Tl" -> "koski-tl",
"Mänttä-Vilppula" -> "mantta-vilppula"). `fold()` is the same rule the finder's JavaScript
applies to what the reader types, so that "jyvaskyla" finds Jyväskylä.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DATA = Path("facts") / "local-services.yml"  # in the checkout (the caller's: not where portal/ is installed from)
WARN_DAYS = 183  # 6 months: re-check soon
FAIL_DAYS = 365  # 12 months: the value may be wrong now
VALUES = ("site", "emergency", "notify")
HOURS = ("always", "after-hours")


def fold(text: str) -> str:
    """Lower case without diacritics: "Jyväskylä" -> "jyvaskyla", "Vårdö" -> "vardo"."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slug(name: str) -> str:
    """A municipality's id: "Koski Tl" -> "koski-tl", "S:t Karins" -> "s-t-karins"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


class _Loader(yaml.SafeLoader):
    """Keeps the line of every mapping (as "__line__") for the complaints."""


def _mapping(loader, node, deep=False):
    value = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
    value["__line__"] = node.start_mark.line + 1
    return value


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


@dataclass
class Municipality:
    fi: str
    sv: str | None
    line: int

    @property
    def id(self) -> str:
        return slug(self.fi)

    @property
    def names(self) -> list[str]:
        return [self.fi] + ([self.sv] if self.sv and self.sv != self.fi else [])


@dataclass
class County:
    id: str
    kind: str  # county, city (Helsinki) or aland
    name: dict
    members: list[str]
    values: dict  # site, emergency, notify: each a dict with url, source, checked, ...
    line: int
    municipalities: list[Municipality] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        """The county's anchor on the list page: "county-kainuu" (a municipality's is its id)."""
        return f"county-{self.id}"


@dataclass
class Data:
    path: Path
    count: int | None
    municipalities: list[Municipality]
    counties: list[County]
    raw: dict

    def county_of(self, municipality: Municipality) -> County | None:
        return next((c for c in self.counties if municipality in c.municipalities), None)


def load(path: Path) -> Data:
    path = Path(path)
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    munis = [Municipality(m.get("fi", ""), m.get("sv"), m.get("__line__", 0))
             for m in raw.get("municipalities") or []]
    by_name = {m.fi: m for m in munis}
    counties = []
    for c in raw.get("counties") or []:
        members = [str(n) for n in c.get("municipalities") or []]
        county = County(str(c.get("id", "")), c.get("kind", "county"), c.get("name") or {}, members,
                        {k: c.get(k) for k in VALUES}, c.get("__line__", 0))
        county.municipalities = [by_name[n] for n in members if n in by_name]
        counties.append(county)
    return Data(path, raw.get("count"), munis, counties, raw)


def _date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def problems(data: Data, today: dt.date | None = None) -> tuple[list[str], list[str]]:
    """(errors, warnings), each "file:line: what is wrong; the fix"."""
    today = today or dt.date.today()
    errors: list[str] = []
    warnings: list[str] = []
    root = data.path.parent.parent  # the checkout: facts/ is in it
    shown = data.path.relative_to(root) if data.path.parent.name == "facts" else data.path
    where = lambda line: f"{shown}:{line}"  # noqa: E731

    if data.count is not None and data.count != len(data.municipalities):
        errors.append(f"{where(1)}: count is {data.count} but `municipalities` lists {len(data.municipalities)}; "
                      f"list every municipality once, or correct `count` from its source")
    seen: dict[str, Municipality] = {}
    for m in data.municipalities:
        if not m.fi:
            errors.append(f"{where(m.line)}: a municipality without its Finnish name (fi:)")
            continue
        if m.id in seen:
            errors.append(f"{where(m.line)}: municipality {m.fi} is listed twice in `municipalities` "
                          f"(also line {seen[m.id].line}); remove one")
        seen[m.id] = m

    homes: dict[str, list[County]] = {}
    ids: dict[str, County] = {}
    for c in data.counties:
        if not c.id or not re.fullmatch(r"[a-z0-9-]+", c.id):
            errors.append(f"{where(c.line)}: county id '{c.id}' must be lower case letters, digits and '-'")
        if c.id in ids:
            errors.append(f"{where(c.line)}: county id '{c.id}' is used twice (also line {ids[c.id].line}); "
                          f"ids are anchors (#county-<id>) and must be unique")
        ids[c.id] = c
        for lang in ("fi", "sv"):
            if not c.name.get(lang):
                errors.append(f"{where(c.line)}: county {c.id} has no name.{lang}; add its {lang} name")
        known = {m.fi for m in data.municipalities}
        for name in c.members:
            if name not in known:
                errors.append(f"{where(c.line)}: county {c.id} lists '{name}', which is not in `municipalities`; "
                              f"fix the spelling (the Finnish name) or add the municipality")
            homes.setdefault(name, []).append(c)
        for key in VALUES:
            value = c.values.get(key)
            if not isinstance(value, dict):
                errors.append(f"{where(c.line)}: county {c.id} has no `{key}`; add it with url, source and checked")
                continue
            line = value.get("__line__", c.line)
            if not str(value.get("url", "")).startswith(("https://", "http://")):
                errors.append(f"{where(line)}: county {c.id} {key}: no url (the county's page); add it")
            if not str(value.get("source", "")).startswith(("https://", "http://")):
                errors.append(f"{where(line)}: county {c.id} {key}: no source; add the address of the page "
                              f"that states this value")
            checked = _date(value.get("checked"))
            if checked is None:
                errors.append(f"{where(line)}: county {c.id} {key}: no check date (checked: YYYY-MM-DD); "
                              f"read the source and add the date")
            else:
                age = (today - checked).days
                if age > FAIL_DAYS:
                    errors.append(f"{where(line)}: county {c.id} {key}: checked {checked}, {age} days ago, more than "
                                  f"12 months; read {value.get('source')} again and update the value and the date")
                elif age > WARN_DAYS:
                    warnings.append(f"warning: {where(line)}: county {c.id} {key}: checked {checked}, {age} days ago, "
                                    f"more than 6 months; read {value.get('source')} again soon")
                elif age < 0:
                    errors.append(f"{where(line)}: county {c.id} {key}: check date {checked} is in the future")
            if key == "emergency" and value.get("phone") and value.get("hours") not in HOURS:
                errors.append(f"{where(line)}: county {c.id} emergency: hours must be one of {', '.join(HOURS)}")
    for m in data.municipalities:
        found = homes.get(m.fi, [])
        if not found:
            errors.append(f"{where(m.line)}: municipality {m.fi} is in no county; add it to the `municipalities` "
                          f"of its county (Act 616/2021 7 §)")
        elif len(found) > 1:
            errors.append(f"{where(m.line)}: municipality {m.fi} is in {len(found)} counties "
                          f"({', '.join(c.id for c in found)}); keep it in one")
    return errors, warnings


def _clean(value):
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def finder_data(data: Data) -> dict:
    """What the finder's JavaScript reads: the counties with their contacts, and every
    municipality as [id, Finnish name, Swedish name or "", county index]."""
    counties = [{"id": c.id, "kind": c.kind, "name": {"fi": c.name.get("fi"), "sv": c.name.get("sv")},
                 **{k: {kk: vv for kk, vv in _clean(c.values[k]).items() if kk != "source"} for k in VALUES}}
                for c in data.counties]
    index = {c.id: i for i, c in enumerate(data.counties)}
    municipalities = []
    for c in data.counties:
        for m in c.municipalities:
            municipalities.append([m.id, m.fi, m.sv or "", index[c.id]])
    municipalities.sort(key=lambda row: fold(row[1]))
    return {"counties": counties, "municipalities": municipalities}


def tel(phone: str) -> str:
    """The tel: address of a Finnish number as written: "019 5600 150" -> "tel:+358195600150"
    (the leading 0 is the trunk prefix, dropped after the country code)."""
    digits = re.sub(r"\D", "", phone)
    return "tel:+358" + digits[1:] if digits.startswith("0") else "tel:" + digits
