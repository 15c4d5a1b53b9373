"""The law pages: the text of every section the site cites, in Finnish and Swedish.

Generated here from law/sections.yml (built from the statute book's open data,
portal/law.py); there are no files for them in docs/. Per language: the index /law/
(/fi/law/, ...), which lists every section and holds the acts with few cited sections,
and the pages of the Child Welfare Act in parts (/law/417-2007-30/, ...): portal/law.py
layout() says which page shows which section, and why more than one (a page's first view
may cost 80 KB). Each section has an anchor that is the same in every language
("#417-2007-75"), so staff can link a section like any other address, and
hooks/law_links.py links every section a page cites to it. Per section: its heading and
text in Finnish and Swedish (lang="fi", lang="sv"), the act that last worded it and when
that came into force, and links to the consolidated text on Finlex. A part of a section
that is not in the site's sources is shown as the statute book shows it, a dashed line,
with a line saying so. In the other languages the page says that only the Finnish and
Swedish texts are official. Markup: overrides/partials/law-texts.html; words:
locales/<code>.yml (law_*).

The pages are plain HTML: they work without JavaScript and print. They are not in the
navigation (reached from citations and the legal-basis lists) and not in the search index
(hooks/search_index.py indexes docs/ pages only): the pages that cite a section are what
a reader searches for. They are added after mkdocs-static-i18n has chosen the files of the
language being built, with what it gives its own pages (the language, the same page in
the other languages), so their language switcher and hreflang work like any page's.
"""

from __future__ import annotations

from types import SimpleNamespace

import yaml
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

from portal import addresses, citations, i18n_state, law
from portal.dates import local_date
from portal.markers import LAW_TEXTS

MARKERS = (LAW_TEXTS,)
MARKER = LAW_TEXTS.text


@event_priority(-150)  # after mkdocs-static-i18n (-100) has chosen the language's files
def on_files(files, config):
    lang = i18n_state.current_language(config)
    where = addresses.from_mkdocs(config)
    ui = config.extra["ui_all"][lang]
    data, acts = _law(config)
    provenance = i18n_state.project_root(config) / "law" / "sources" / "PROVENANCE.yml"
    checked = yaml.safe_load(provenance.read_text(encoding="utf-8"))["checked"]
    for name, groups in law.layout(data, acts).items():
        title, description = _title(name, groups, ui), ui["law_description"]
        meta = {"title": title, "description": description, "last_reviewed": checked,
                "sources": _sources(groups or [(a, []) for a in acts.numbers if data.get(a)], data, lang)}
        content = f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n\n# {title}\n\n{MARKER}\n"
        src = where.prefix(lang) + name
        if files.get_file_from_path(src) is not None:
            continue
        page = File.generated(config, src, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
        # what mkdocs-static-i18n gives its own pages: the language, and the same page in
        # every language for the language switcher and hreflang
        page.locale = lang
        page.locale_alternate_of = ""
        page.alternates = {code: SimpleNamespace(url=where.page(code, name).lstrip("/")) for code in where.codes}
        files.append(page)
    return files


def _sources(groups, data: dict, lang: str) -> list[dict]:
    """The page's sources (the reader's "sources" list, like every page's): the consolidated
    text on Finlex of each act on it, in the page's official language or Finnish, and the
    open data the texts are built from."""
    code = "sv" if lang == "sv" else "fi"
    out = [{"title": f"Finlex: {data[act]['title'][code]} ({act})", "url": data[act]["finlex"][code]}
           for act, _ in groups]
    out.append({"title": "Semantic Finlex (open data), eliask/finlex-data", "url": "https://github.com/eliask/finlex-data"})
    return out


def _law(config):
    """law/sections.yml and law/acts.yml of the checkout being built (not of the one portal/
    is installed from)."""
    folder = i18n_state.project_root(config) / "law"
    return law.load(folder / "sections.yml"), citations.load_acts(folder / "acts.yml")


def _title(name: str, groups, ui) -> str:
    """"The law" for the index; "The law: 417/2007, 30–41 §" for a part."""
    if name == law.PAGE:
        return ui["law_title"]
    act, numbers = groups[0]
    return f"{ui['law_title']}: {act}, {_span(numbers)} §"


def _span(numbers: list[str]) -> str:
    """The sections of a law page: "30–38 a", or "24" for one."""
    first, last = citations.display(numbers[0]), citations.display(numbers[-1])
    return first if first == last else f"{first}–{last}"


def law_page_name(page, config) -> str | None:
    """The name of a law page ("law.md", "law/417-2007-30.md"), or None for any other page."""
    lang = i18n_state.current_language(config)
    name = i18n_state.page_name(page, lang)
    return name if name == law.PAGE or (name or "").startswith(law.FOLDER) else None


def on_page_content(content, page, config, files):
    name = law_page_name(page, config)
    if MARKER not in content or name is None:
        return content
    lang = i18n_state.current_language(config)
    data, acts = _law(config)
    layout = law.layout(data, acts)
    where = addresses.from_mkdocs(config)
    first = "sv" if lang == "sv" else "fi"
    order = [first, "fi" if first == "sv" else "sv"]
    template = config.theme.get_env().get_template("partials/law-texts.html")
    ui = config.extra["ui"]
    html = template.render(
        index=name == law.PAGE, data=data, direction=config.extra.get("lang_direction") or "ltr", groups=layout.get(name, []), lang=lang, order=order, ui=ui,
        ui_all=config.extra["ui_all"], official=lang in ("fi", "sv"),
        anchor=citations.anchor, display=citations.display,
        date=lambda value: local_date(value, lang),
        missing=_missing_dates(i18n_state.project_root(config) / "law" / "sources" / "missing.yml"),
        # the index's list of every page and section (for staff), and a way back to it
        contents=[(where.href(where.page(lang, n)), g) for n, g in layout.items() if n != law.PAGE],
        span=_span,
        home=where.href(where.page(lang, law.PAGE)),
        href=lambda act, number: where.href(where.page(lang, law.page_of(data, acts, act, number) or law.PAGE,
                                                       citations.anchor(act, number))),
    )
    return content.replace(MARKER, html)


def _missing_dates(path) -> dict:
    """{(act, section): date} of the amendments known to be missing from the sources."""
    from portal import statutes

    out = {}
    for m in statutes.load_missing(path):
        for number in m.parts:
            out[(m.act, number)] = m.in_force
    return out
