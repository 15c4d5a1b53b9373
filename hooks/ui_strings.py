"""Give templates the language being built: its interface strings, direction and nav titles.

Each language's strings (switcher label, language banner, "last reviewed", 404 text, ...)
and navigation titles live in locales/<code>.yml (scripts/locales.py reads them).
Material translates only its own strings; ours need the same treatment in every language,
so a missing file or key is a build error that names the file and the key. The nav titles
are handed to mkdocs-static-i18n as its nav_translations, so mkdocs.yml keeps one short
entry per language. Text direction (ltr/rtl) goes to Material's theme.direction;
hooks/text_direction.py also puts it on <html>.
"""

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import i18n_state

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import locales  # noqa: E402


@event_priority(-200)  # after mkdocs-static-i18n has chosen the language
def on_config(config):
    langs = i18n_state.languages(config)
    default = i18n_state.default_language(config)
    problems = locales.check(langs, default)
    if problems:
        raise PluginError("\n".join(problems))
    lang = i18n_state.current_language(config)
    data = {code: locales.load(code) for code in langs}
    config.extra["ui"] = data[lang]["ui"]
    # every language's strings, for the language banner and the language names
    config.extra["ui_all"] = {code: data[code]["ui"] for code in langs}
    config.extra["lang_prefix"] = i18n_state.prefix(config, lang)
    config.extra["lang_code"] = lang
    config.extra["default_lang"] = default
    config.site_name = config.extra["ui"]["site_name"]
    config.site_description = config.extra["ui"]["site_description"]
    config.extra["lang_direction"] = data[lang].get("direction", "ltr")
    # every language's direction, for text shown in another language (hooks/fallback_notice.py)
    config.extra["directions"] = {code: data[code].get("direction", "ltr") for code in langs}
    config.theme["direction"] = config.extra["lang_direction"]
    nav = {k: v for k, v in data[lang]["nav"].items() if k != v}
    i18n_state.i18n(config).current_language_config["nav_translations"] = nav
    return config


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
    from babel.dates import get_month_names

    names = get_month_names("wide", locale=lang)
    return [names[m] for m in range(1, 13)]


def local_date(value, lang: str) -> str:
    """A review date as the language writes it ("23 november 2026", "23. marraskuuta 2026")."""
    import datetime

    from babel.dates import format_date

    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return format_date(value, format=DATE_PATTERNS.get(lang, "long"), locale=lang)


def on_env(env, config, files):
    env.filters["local_date"] = local_date
    return env
