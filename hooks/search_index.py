"""The site's search index: Pagefind, one index per language, built with `mkdocs build`.

After the last language is built, this hook hands Pagefind (PyPI `pagefind`, whose
binary comes from `pagefind-bin`) a copy of each language's own pages and writes the
search bundle to site/pagefind/. Pagefind keeps one index per `<html lang>`, stems
fi, sv, en, ru, ar and et, and the browser downloads only the fragments a query needs.

What Pagefind gets is decided here, not in the served HTML (readers download nothing
extra):
- only the pages a language really has (docs/<lang>/<page>.md): a page shown from
  Swedish in a partial language (fallback) is not in that language's index, and 404s,
  redirects and the editors' translation status are in no index;
- only the article (`data-pagefind-body` on Material's `md-content__inner`), not the
  navigation, header, safety bar or footer; the heading permalinks ("#") are ignored;
- everyday words for official terms (hooks/search_synonyms.yml), in the section of the
  page that the glossary's entry points to (see add_synonyms).

Material's search dialog stays; overrides/assets/javascripts/search-on-demand.js
answers it from Pagefind instead of Material's lunr worker. Material still reads
`<language root>/search/search_index.json` before it sends a query: each language gets
one with its settings and no documents (a few hundred bytes; Material's highlighter on
the target page uses its separator), and Material's merged all-languages index, which
nothing reads, is removed.
"""

from __future__ import annotations

import asyncio
import html
import json
import re
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority

from portal import docs_model, i18n_state, locales, site_config


SYNONYMS = Path(__file__).with_name("search_synonyms.yml")
ARTICLE = '<article class="md-content__inner md-typeset">'
# Words are split at punctuation too in the languages lunr has no stop words for.
EXACT_SEPARATOR = r'[\s\-,:;.!?=\[\]()"/«»„“”…\u060C\u061B\u061F\u06D4]+'
# Pagefind's settings: not text of the page: the permalink "#" after each heading, the
# last-reviewed date and sources, the print view's address and the translation note.
PAGEFIND_CONFIG = {"exclude_selectors": [".headerlink", ".page-facts", ".print-url", ".translation-note"]}
# Pages found by their title and introduction only: the list of links for letters
# repeats every other page's headings, and would come before the pages themselves.
TITLE_ONLY = {"links-for-letters.md"}
# Pagefind's ready-made interfaces: the site uses Material's dialog instead.
UNUSED = ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js")
# A glossary entry: its heading id, and the page its "read more" link goes to.
GLOSSARY_ENTRY = re.compile(r"^## [^\n]*\{#(?P<id>[\w-]+)\}\s*$(?P<body>.*?)(?=^## |\Z)", re.M | re.S)
GLOSSARY_HEADING = re.compile(r"^## (?P<term>[^\n]*?)\s*\{#(?P<id>[\w-]+)\}\s*$", re.M)
# Glossary sections that are no term.
NOT_TERMS = {"legal-basis", "related-pages"}
GLOSSARY_LINK = re.compile(r"\]\((?P<page>[\w-]+)\.md(?:#[\w-]+)?\)")


def material_config(base: dict, lunr_language: str) -> dict:
    """Material's settings for one language (its highlighter uses the separator)."""
    if lunr_language == "exact":
        return dict(base, lang=["en"], pipeline=[], separator=EXACT_SEPARATOR)
    return dict(base, lang=[lunr_language], pipeline=["stopWordFilter"])


def page_url(prefix: str, page: str) -> str:
    """'/fi/placement/' for ('fi/', 'placement.md'); '/fi/' for the home page;
    '/fi/easy/' for ('fi/', 'easy/index.md')."""
    return "/" + prefix + site_config.page_path(page)


def built_file(site: Path, prefix: str, page: str) -> Path:
    return site / prefix / site_config.page_path(page) / "index.html"


def glossary_targets(glossary_md: str) -> dict[str, str]:
    """{glossary id: page file} from a glossary's "read more" links."""
    out = {}
    for entry in GLOSSARY_ENTRY.finditer(glossary_md):
        link = GLOSSARY_LINK.search(entry["body"])
        if link:
            out[entry["id"]] = link["page"] + ".md"
    return out


def glossary_terms(glossary_md: str) -> dict[str, str]:
    """{glossary id: the term as the glossary writes it}."""
    return {m["id"]: m["term"].strip() for m in GLOSSARY_HEADING.finditer(glossary_md)}


def synonyms_by_page(glossary_md: str, synonyms: dict[str, list[str]]) -> dict[str, dict[str, list[str]]]:
    """{page file: {section id: words}}: each glossary term's words go to its page.

    The words are put in the section whose heading id is the glossary entry's id (ids are
    shared: placement.md#taking-into-care, aftercare.md#independence-funds), or at the
    top of the page when it has no such section.
    """
    targets = glossary_targets(glossary_md)
    terms = glossary_terms(glossary_md)
    out: dict[str, dict[str, list[str]]] = {}
    for term, words in synonyms.items():
        if term not in targets:
            raise ValueError(f"{SYNONYMS.name}: '{term}' is not a glossary entry with a link to a page")
    for term, page in targets.items():
        if term in NOT_TERMS:
            continue
        out.setdefault(page, {})[term] = [terms[term], *synonyms.get(term, [])]
    return out


def add_synonyms(page_html: str, sections: dict[str, list[str]]) -> str:
    """The page with each section's extra words after its heading (top of page if none)."""
    for section, words in sections.items():
        text = f"<p>{html.escape(' '.join(words))}</p>"
        heading = re.search(rf'<h([1-6]) id="{re.escape(section)}"[^>]*>.*?</h\1>', page_html, re.S)
        if heading is None:
            heading = re.search(r"<h1[^>]*>.*?</h1>", page_html, re.S)
        if heading is None:
            continue
        page_html = page_html[: heading.end()] + text + page_html[heading.end():]
    return page_html


def searchable_html(page_html: str, sections: dict[str, list[str]] | None = None, title_only: bool = False) -> str:
    """What Pagefind indexes of a page: the article, with the page's extra words.

    A title-only page keeps its title and introduction (what comes before its first
    section heading).
    """
    if ARTICLE not in page_html:
        raise ValueError("no Material article in the page")
    page_html = page_html.replace(ARTICLE, ARTICLE[:-1] + " data-pagefind-body>", 1)
    if title_only:
        start = page_html.index(ARTICLE[:-1])
        first, end = page_html.find("<h2", start), page_html.find("</article>", start)
        if 0 < first < end:
            page_html = page_html[:first] + page_html[end:]
    return add_synonyms(page_html, sections or {})


def pages_to_index(site: Path, docs: Path, languages: dict[str, str], synonyms: dict) -> list[tuple[str, str]]:
    """[(url, html)] of every page each language has; fallback pages are left out."""
    records = []
    for lang, prefix in languages.items():
        glossary = docs / lang / "glossary.md"
        words = synonyms.get(lang) or {}
        text = glossary.read_text(encoding="utf-8") if glossary.is_file() else ""
        # A test's fixture site has a glossary of its own with none of the site's entries:
        # no synonyms there. On the real site an unknown id stops the build.
        extra = synonyms_by_page(text, words) if set(words) & set(glossary_targets(text)) else {}
        for _, name, _ in docs_model.iter_pages(docs, [lang]):  # easy/ pages too
            built = built_file(site, prefix, name)
            if not built.is_file():
                continue
            content = searchable_html(built.read_text(encoding="utf-8"), extra.get(name),
                                      title_only=name in TITLE_ONLY)
            records.append((page_url(prefix, name), content))
    return records


async def write_pagefind(records: list[tuple[str, str]], output: Path) -> None:
    from pagefind.index import PagefindIndex

    # The index is written when the context closes (and only then: write_files() inside
    # it would write a second copy).
    async with PagefindIndex(config=dict(PAGEFIND_CONFIG, output_path=str(output))) as index:
        for url, content in records:
            await index.add_html_file(content=content, url=url)


def write_material_configs(site: Path, merged: dict, languages: dict[str, str], lunr: dict[str, str]) -> None:
    for lang, prefix in languages.items():
        target = site / prefix / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        index = {"config": material_config(merged["config"], lunr[lang]), "docs": []}
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


@event_priority(-200)
def on_post_build(config):
    if not i18n_state.all_languages_built(config):
        return
    site = Path(config.site_dir)
    merged_path = site / "search" / "search_index.json"
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    langs = i18n_state.languages(config)
    languages = {lang: i18n_state.prefix(config, lang) for lang in langs}
    lunr = {lang: locales.load(lang, i18n_state.locales_dir(config)).get("search", lang) for lang in langs}
    synonyms = yaml.safe_load(SYNONYMS.read_text(encoding="utf-8")) or {}
    records = pages_to_index(site, Path(config.docs_dir), languages, synonyms)
    merged_path.unlink()
    write_material_configs(site, merged, languages, lunr)
    asyncio.run(write_pagefind(records, site / "pagefind"))
    for pattern in UNUSED:
        for unused in (site / "pagefind").glob(pattern):
            unused.unlink()
