"""Shared helpers for the hooks: which language is being built right now.

mkdocs-static-i18n builds the default language first and then, from inside that
build's on_post_build, builds every other language into the same site_dir with the
same config object. Hooks ask the plugin which language is current, and use
after_every_language() for the work done once, after the last language's build.
"""

import functools
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from portal import addresses, locales, site_config


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


# The language builds. mkdocs-static-i18n builds the default language first; from that
# build's on_post_build (priority I18N_BUILDS_OTHERS) it builds every other language, each
# running every event again, and sets `building` while it does. So the same flag answers two
# questions, depending on where a hook asks: in on_config, "is this the first language's
# build?"; in on_post_build below I18N_BUILDS_OTHERS, "has every language been built?".

I18N_BUILDS_OTHERS = -100  # mkdocs-static-i18n's on_post_build, which builds the other languages


def first_language_build(config: MkDocsConfig) -> bool:
    """In on_config: True in the default language's build, which runs first (so once per
    build, also per rebuild under `mkdocs serve`); False in the other languages' builds."""
    return not i18n(config).building


def after_every_language(priority: int = -200):
    """Decorator for a hook's on_post_build that must run once, after every language has
    been built (a file for the whole site: the search indexes, the 404 pages, the
    redirects): it gets the event at `priority` and returns at once in every other call.

        @after_every_language(-250)
        def on_post_build(config): ...

    The priority must be below the i18n plugin's I18N_BUILDS_OTHERS: a handler that ran
    before it in the default language's build would see `building` unset and run with only
    that language on disk. The pipeline table (hooks/README.md) marks the hooks that use it.
    """
    if priority >= I18N_BUILDS_OTHERS:
        raise ValueError(f"after_every_language({priority}): the priority must be below "
                         f"{I18N_BUILDS_OTHERS}, the i18n plugin's on_post_build that builds the other "
                         f"languages; before it only the default language is built")

    def decorate(handler):
        @functools.wraps(handler)
        def on_post_build(config: MkDocsConfig):
            if i18n(config).building:  # one language's build, run from the i18n plugin
                return None
            return handler(config)

        on_post_build.after_every_language = True  # read by scripts/pipeline.py
        return event_priority(priority)(on_post_build)

    return decorate


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


def site_settings(config: MkDocsConfig) -> site_config.SiteConfig:
    """The settings of the live config as portal/site_config.py's SiteConfig, for the code
    the hooks share with the checks (portal/translations.py): a hook takes its settings
    from the config MkDocs hands it, never from mkdocs.yml again (a test's fixture build,
    `mkdocs build -f other.yml` and a plugin that changed the config would disagree)."""
    folder = locales_dir(config)
    entries = [entry for entry in i18n(config).config.languages if entry.build]
    return site_config.SiteConfig(
        root=project_root(config),
        site_url=(config.site_url or "/").rstrip("/") + "/",
        docs_dir=Path(config.docs_dir),
        site_dir=Path(config.site_dir),
        languages=[site_config.Language(code=entry.locale, name=entry.name, default=entry.default is True,
                                        full=locales.coverage(entry.locale, folder) == "full",
                                        direction=locales.direction(entry.locale, folder))
                   for entry in entries],
        nav_files=nav_files(config),
        nav_titles=site_config.nav_titles(config.nav),
        partial_pages=list(config.extra.get("partial_pages") or []),
    )


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
