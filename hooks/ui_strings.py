"""Give templates the interface strings of the language being built.

The strings (switcher label, language banner, "last reviewed", 404 text, ...) live in
locales/ui.yml, one block per language. Material translates only its own strings; ours
need the same treatment in every language, so a missing key is a build error that names
the file, the language and the key.
"""

from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import i18n_state

UI_FILE = Path(__file__).resolve().parent.parent / "locales" / "ui.yml"


def load_strings(path: Path = UI_FILE) -> dict[str, dict[str, str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise PluginError(f"{path}: expected one mapping per language code")
    return data


def check_complete(strings: dict, languages: list[str], reference: str, path: Path = UI_FILE):
    """Every language has every key of the reference language, and nothing empty."""
    problems = []
    keys = set(strings.get(reference, {}))
    for lang in languages:
        have = strings.get(lang)
        if have is None:
            problems.append(f"{path}: no block '{lang}:' - add the interface strings for {lang}")
            continue
        for key in sorted(keys - set(have)):
            problems.append(f"{path}: '{lang}' is missing the key '{key}' (see '{reference}')")
        for key, value in have.items():
            if not str(value or "").strip():
                problems.append(f"{path}: '{lang}.{key}' is empty")
    return problems


@event_priority(-200)  # after mkdocs-static-i18n has chosen the language
def on_config(config):
    strings = load_strings()
    langs = i18n_state.languages(config)
    problems = check_complete(strings, langs, i18n_state.default_language(config))
    if problems:
        raise PluginError("\n".join(problems))
    lang = i18n_state.current_language(config)
    config.extra["ui"] = strings[lang]
    # every language's strings, for the language banner and the language names
    config.extra["ui_all"] = {code: strings[code] for code in langs}
    config.extra["lang_prefix"] = i18n_state.prefix(config, lang)
    config.extra["lang_code"] = lang
    config.extra["default_lang"] = i18n_state.default_language(config)
    return config


def local_date(value, lang: str) -> str:
    """A review date as the language writes it ("23 november 2026", "23. marraskuuta 2026")."""
    import datetime

    from babel.dates import format_date

    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return format_date(value, format="long", locale=lang)


def on_env(env, config, files):
    env.filters["local_date"] = local_date
    return env
