"""Give templates the language being built: its interface strings, direction and nav titles.

Each language's strings (switcher label, language banner, "last reviewed", 404 text, ...)
and navigation titles live in locales/<code>.yml (portal/locales.py reads them).
Material translates only its own strings; ours need the same treatment in every language,
so a missing file or key is a build error that names the file and the key. The nav titles
are handed to mkdocs-static-i18n as its nav_translations, so mkdocs.yml keeps one short
entry per language. Text direction (ltr/rtl) goes to Material's theme.direction;
hooks/text_direction.py also puts it on <html>.
"""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from portal import addresses, i18n_state, locales, site_config
from portal.dates import local_date


@event_priority(-200)  # after mkdocs-static-i18n has chosen the language
def on_config(config):
    langs = i18n_state.languages(config)
    default = i18n_state.default_language(config)
    folder = i18n_state.locales_dir(config)
    problems = locales.check(langs, default, folder, site_config.nav_titles(config["nav"]))
    if problems:
        raise PluginError("\n".join(problems))
    lang = i18n_state.current_language(config)
    data = {code: locales.load(code, folder) for code in langs}
    config.extra["ui"] = data[lang]["ui"]
    # every language's strings, for the language banner and the language names
    config.extra["ui_all"] = {code: data[code]["ui"] for code in langs}
    config.extra["lang_prefix"] = addresses.from_mkdocs(config).prefix(lang)  # templates: the language's home
    config.extra["lang_code"] = lang
    config.extra["default_lang"] = default
    config.site_name = config.extra["ui"]["site_name"]
    config.site_description = config.extra["ui"]["site_description"]
    config.extra["lang_direction"] = locales.direction(lang, folder)
    # every language's direction, for text shown in another language (hooks/fallback_notice.py)
    config.extra["directions"] = {code: locales.direction(code, folder) for code in langs}
    config.theme["direction"] = config.extra["lang_direction"]
    nav = {k: v for k, v in data[lang]["nav"].items() if k != v}
    i18n_state.i18n(config).current_language_config["nav_translations"] = nav
    return config


def on_env(env, config, files):
    env.filters["local_date"] = local_date
    return env
