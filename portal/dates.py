"""Dates as each language writes them."""

import datetime

from babel.dates import format_date, get_month_names

# Languages whose long date in Babel (CLDR) is not how the language writes dates in
# Finland: Somali writes day, month, year ("30 Noofeembar 2026"), CLDR gives the English
# order ("Noofeembar 30, 2026"). The aftercare checker writes these languages' dates from
# the month names given here (month_names), not from the browser's own date format (a
# browser may not know Somali at all and write "4 May 2031").
DATE_PATTERNS = {"so": "d MMMM y"}


def month_names(lang: str) -> list[str] | None:
    """The 12 month names for a language in DATE_PATTERNS, for the browser; else None."""
    if lang not in DATE_PATTERNS:
        return None
    names = get_month_names("wide", locale=lang)
    return [names[m] for m in range(1, 13)]


def local_date(value, lang: str) -> str:
    """A review date as the language writes it ("23 november 2026", "23. marraskuuta 2026")."""
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return format_date(value, format=DATE_PATTERNS.get(lang, "long"), locale=lang)
