"""Dates as each language writes them."""

import datetime

from babel.dates import format_date


def local_date(value, lang: str) -> str:
    """A review date as the language writes it ("23 november 2026", "23. marraskuuta 2026")."""
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return format_date(value, format="long", locale=lang)
