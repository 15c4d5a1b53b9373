"""Short localized addresses and old URLs of moved pages: redirect pages to the canonical URL.

A page lists extra addresses in its front matter:

    aliases: [/fi/jalkihuolto/]      # a short address in the page's language
    aliases: [/old-slug/]            # the URL the page had before it was renamed

Each alias becomes site/<alias>/index.html, a small page (overrides/redirect.html) that
sends the reader on to the page's real URL (meta refresh, a visible link, rel=canonical,
noindex), so a link printed in a letter keeps working on any static host; deploy/ turns
the same list into real 301s (site/redirects.json). Why not mkdocs-redirects: it reads
one global map in mkdocs.yml, knows nothing about languages, and pulls in a fork of
MkDocs as a dependency; aliases in front matter stay with the page they point to.

The aliases are read and checked from docs/ before anything is built (portal/aliases.py):
a malformed alias, one claimed twice, or one that is the address of any page in any
language stops the build (a warning: see strict_all_languages.py), naming the file and
line of both, and no redirect is written.
"""

import json
import logging
from pathlib import Path

from portal import addresses
from portal import aliases as alias_model
from portal import i18n_state

log = logging.getLogger("mkdocs.hooks.redirects")  # warnings stop the build (strict_all_languages)
_aliases: dict[str, alias_model.Alias] = {}


def on_config(config):
    if not i18n_state.first_language_build(config):
        return config  # once per build, before the first language
    docs = Path(config.docs_dir)

    def label(path: Path) -> str:  # "docs/fi/aftercare.md", also for a test's fixture docs/
        return path.relative_to(docs.parent).as_posix()

    found, problems = alias_model.collect(docs, i18n_state.languages(config), i18n_state.default_language(config),
                                          label)
    _aliases.clear()
    if not problems:
        _aliases.update(found)
    for problem in problems:
        log.warning(problem)
    return config


@i18n_state.after_every_language(-250)  # after the other hooks have written their pages
def on_post_build(config):
    site = Path(config.site_dir)
    where = addresses.from_mkdocs(config)
    template = config.theme.get_env().get_template("redirect.html")
    for alias in sorted(_aliases.values(), key=lambda a: a.alias):
        out = where.file(site, alias.alias)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(template.render(target=where.href(alias.target), canonical=where.url(alias.target),
                                       lang=alias.lang),
                       encoding="utf-8")
    (site / "redirects.json").write_text(
        json.dumps({a.alias: a.target for a in sorted(_aliases.values(), key=lambda a: a.alias)}, indent=1),
        encoding="utf-8")
