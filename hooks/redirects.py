"""Short localized addresses and old URLs of moved pages: redirect pages to the canonical URL.

A page lists extra addresses in its front matter:

    aliases: [/fi/jalkihuolto/]      # a short address in the page's language
    aliases: [/old-slug/]            # the URL the page had before it was renamed

Each alias becomes site/<alias>/index.html, a small page that sends the reader on to the
page's real URL (meta refresh, a visible link, rel=canonical, noindex), so a link printed
in a letter keeps working on any static host; deploy/ turns the same list into real 301s
(site/redirects.json). Why not mkdocs-redirects: it reads one global map in mkdocs.yml,
knows nothing about languages, and pulls in a fork of MkDocs as a dependency; aliases in
front matter stay with the page they point to, in the page's language.

The build stops (a warning: see strict_all_languages.py), naming the file and line, if an alias is malformed, is claimed twice,
or is the URL of a real page.
"""

import html
import json
import logging
import re
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

import i18n_state

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import docs_model  # noqa: E402

ALIAS = re.compile(r"^/(?:[a-z0-9]+(?:-[a-z0-9]+)*/)+$")
log = logging.getLogger("mkdocs.hooks.redirects")  # warnings stop the build (strict_all_languages)
_aliases: dict[str, tuple[str, str, str]] = {}  # alias -> (target url, lang, "file:line")
_problems: list[str] = []


def _where(page) -> str:
    path = Path(page.file.abs_src_path)
    try:
        _, lines, _, _ = docs_model.split_front_matter(path.read_text(encoding="utf-8"), path)
        line = lines.get("aliases", 1)
    except docs_model.PageError:
        line = 1
    return f"docs/{page.file.src_uri}:{line}"


def on_config(config):
    if not i18n_state.i18n(config).building:
        _aliases.clear()
        _problems.clear()
    return config


def on_page_markdown(markdown, page, config, files):
    aliases = page.meta.get("aliases") or []
    lang = i18n_state.current_language(config)
    if getattr(page.file, "locale", lang) != lang:
        return markdown  # a fallback copy of another language's page: its aliases are not ours
    where = _where(page)
    if not isinstance(aliases, list):
        _problems.append(f"{where}: aliases must be a list, like aliases: [/fi/jalkihuolto/]")
        return markdown
    prefix = "/" + i18n_state.prefix(config, lang)
    for alias in aliases:
        alias = str(alias)
        if not ALIAS.match(alias):
            _problems.append(f"{where}: alias '{alias}' must look like /eftervard/: lower-case a-z, 0-9 and "
                             f"hyphens, with a slash at both ends")
        elif prefix != "/" and not alias.startswith(prefix):
            _problems.append(f"{where}: alias '{alias}' of a '{lang}' page must start with {prefix}")
        elif alias in _aliases:
            _problems.append(f"{where}: alias '{alias}' is already used by {_aliases[alias][2]}")
        else:
            _aliases[alias] = ("/" + page.url, lang, where)
    return markdown


def redirect_page(target: str, canonical: str, lang: str) -> str:
    t, c = html.escape(target, quote=True), html.escape(canonical, quote=True)
    return (f'<!doctype html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<title>{t}</title>\n<meta name="robots" content="noindex">\n'
            f'<link rel="canonical" href="{c}">\n<meta http-equiv="refresh" content="0; url={t}">\n'
            f'</head>\n<body>\n<p><a href="{t}">{c}</a></p>\n</body>\n</html>\n')


@event_priority(-250)  # after the other hooks have written their pages
def on_post_build(config):
    if not i18n_state.all_languages_built(config):
        return
    site = Path(config.site_dir)
    base = i18n_state.site_path(config)
    for alias, (target, lang, where) in sorted(_aliases.items()):
        out = site / alias.strip("/") / "index.html"
        if out.exists():
            _problems.append(f"{where}: alias '{alias}' is the address of a real page; choose another")
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        canonical = config.site_url.rstrip("/") + target if config.site_url else target
        out.write_text(redirect_page(base.rstrip("/") + target, canonical, lang), encoding="utf-8")
    for problem in _problems:
        log.warning(problem)
    (site / "redirects.json").write_text(
        json.dumps({a: t for a, (t, _, _) in sorted(_aliases.items())}, indent=1), encoding="utf-8")
