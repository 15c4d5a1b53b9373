"""The law page: the text of every section the site cites, in Finnish and Swedish.

One page per language at /law/ (/fi/law/, /en/law/, ...), generated here from
law/sections.yml (built from the statute book's open data, portal/law.py); there is no
file for it in docs/. Each section has an anchor that is the same in every language
("#417-2007-75"), so staff can link a section like any other address, and
hooks/law_links.py links every section a page cites to it. Per section: its heading and
text in Finnish and Swedish (lang="fi", lang="sv"), the act that last worded it and when
that came into force, a repealed section with the act that repealed it, and links to
the consolidated text on Finlex. A part of a section that is not in the site's sources
is shown as the statute book shows it, a dashed line, with a line saying so. In the
other languages the page says that only the Finnish and Swedish texts are official.
Markup: overrides/partials/law-texts.html; words: locales/<code>.yml (law_*).

Why one page per language and not one per section: a section is one click and a scroll
away, the browser tests audit one more page per language instead of a hundred, and the
page is plain HTML: it works without JavaScript and prints. It is not in the navigation
(a page reached from citations) and not in the search index (hooks/search_index.py
indexes docs/ pages only): the pages that cite a section are what a reader searches for.
The page is added after mkdocs-static-i18n has chosen the files of the language being
built, with what it gives its own pages (the language, the same page in the other
languages), so its language switcher and hreflang work like any page's.
"""

from __future__ import annotations

from types import SimpleNamespace

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

from portal import addresses, citations, i18n_state, law
from portal.dates import local_date

NAME = law.PAGE
MARKER = "<!-- law-texts -->"


@event_priority(-150)  # after mkdocs-static-i18n (-100) has chosen the language's files
def on_files(files, config):
    lang = i18n_state.current_language(config)
    where = addresses.from_mkdocs(config)
    ui = config.extra["ui_all"][lang]
    content = (f"---\ntitle: \"{ui['law_title']}\"\ndescription: \"{ui['law_description']}\"\n---\n\n"
               f"# {ui['law_title']}\n\n{MARKER}\n")
    src = where.prefix(lang) + NAME
    if files.get_file_from_path(src) is not None:
        return files
    page = File.generated(config, src, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
    # what mkdocs-static-i18n gives its own pages: the language, and the same page in every
    # language for the language switcher and hreflang
    page.locale = lang
    page.locale_alternate_of = ""
    page.alternates = {code: SimpleNamespace(url=where.prefix(code) + "law/") for code in where.codes}
    files.append(page)
    return files


def is_law_page(page, config) -> bool:
    lang = i18n_state.current_language(config)
    return i18n_state.page_name(page, lang) == NAME


def on_page_content(content, page, config, files):
    if MARKER not in content or not is_law_page(page, config):
        return content
    lang = i18n_state.current_language(config)
    data = law.load()
    acts = citations.load_acts(law.LAW / "acts.yml")
    first = "sv" if lang == "sv" else "fi"
    order = [first, "fi" if first == "sv" else "sv"]
    template = config.theme.get_env().get_template("partials/law-texts.html")
    html = template.render(
        data=data, acts=acts, lang=lang, order=order, ui=config.extra["ui"],
        ui_all=config.extra["ui_all"], official=lang in ("fi", "sv"),
        anchor=citations.anchor, display=citations.display,
        date=lambda value: local_date(value, lang),
        missing=_missing_dates(),
    )
    return content.replace(MARKER, html)


def _missing_dates() -> dict:
    """{(act, section): date} of the amendments known to be missing from the sources."""
    from portal import statutes

    out = {}
    for m in statutes.load_missing(law.SOURCES / "missing.yml"):
        for number in m.parts:
            out[(m.act, number)] = m.in_force
    return out
