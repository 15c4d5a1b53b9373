"""Shared helpers for the hooks: which language is being built right now.

mkdocs-static-i18n builds the default language first and then, from inside that
build's on_post_build, builds every other language into the same site_dir with the
same config object. Hooks ask the plugin which language is current and whether the
whole multi-language build has finished.
"""

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from portal import addresses, locales


def i18n(config: MkDocsConfig):
    return config.plugins["i18n"]


def current_language(config: MkDocsConfig) -> str:
    return i18n(config).current_language


def default_language(config: MkDocsConfig) -> str:
    return i18n(config).default_language


def languages(config: MkDocsConfig) -> list[str]:
    return list(i18n(config).build_languages)


def project_root(config: MkDocsConfig) -> Path:
    """The checkout being built: the folder above hooks/. (config_file_path is not it: a
    test's fixture build uses a temporary config that INHERITs mkdocs.yml.)"""
    hook = next(iter(config.hooks.values()))
    return Path(hook.__file__).resolve().parent.parent


def locales_dir(config: MkDocsConfig) -> Path:
    return project_root(config) / "locales"


def all_languages_built(config: MkDocsConfig) -> bool:
    """True in the outermost on_post_build, after every language has been built.

    The plugin sets `building` while it runs the other languages' builds from its own
    on_post_build (priority -100). Hooks that call this run later (priority -200), so
    in the outer build the flag is False again and every language is on disk.
    """
    return not i18n(config).building


def nav_files(config: MkDocsConfig) -> list[str]:
    """The docs files of the live config's nav, in order ("index.md", "easy/aftercare.md")."""
    def walk(items):
        for item in items or []:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                yield from walk(value)
            elif isinstance(value, str) and value.endswith(".md"):
                yield value
    return list(walk(config.nav))


def page_name(page, lang: str) -> str:
    """The page's file inside its language folder: 'aftercare.md' for 'fi/aftercare.md'."""
    src = page.file.src_uri
    return src[len(lang) + 1:] if src.startswith(f"{lang}/") else src


def full_language_targets(config: MkDocsConfig, name: str) -> list[dict]:
    """Page `name` (docs file name) in every full language that has it, for notices:
    [{"code": "fi", "name": "Suomi", "dir": "ltr", "href": "/fi/aftercare/"}, ...]
    (overrides/partials/language-links.html renders them)."""
    names, directions = config.extra["ui_all"], config.extra["directions"]
    where = addresses.from_mkdocs(config)
    return [{"code": code, "name": names[code]["language_name"], "dir": directions[code],
             "href": where.href(where.page(code, name))}
            for code in languages(config)
            if locales.coverage(code, locales_dir(config)) == "full" and (Path(config.docs_dir) / code / name).is_file()]


def full_language_links(config: MkDocsConfig, name: str) -> str:
    """The same as HTML: '<a href="/fi/aftercare/" hreflang="fi" lang="fi" dir="ltr">Suomi</a>&nbsp;· ...'."""
    macro = config.theme.get_env().get_template("partials/language-links.html").module.links
    return str(macro(full_language_targets(config, name)))
