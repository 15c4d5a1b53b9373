"""The site's search index: one per language, written with `mkdocs build`.

After the last language is built, this hook writes `<language root>/search/search_index.json`
for each language in Material's own format (`{"config", "docs"}`, one document per section):
Material's dialog downloads it when the reader opens search, and
overrides/assets/javascripts/search-on-demand.js indexes it with lunr and lunr-languages,
the engine Material itself uses, but queries it so that inflected words are found (a
stemmed term, the word as typed with a wildcard, a shorter prefix for a long word, one
typo; see that file). Material's own index would be the same text, but for every
language at once and without the choices below; it is removed.

What the index holds is decided here, not in the served HTML (readers download nothing
extra):
- only the pages a language really has (docs/<lang>/<page>.md): a page shown from
  Swedish in a partial language (fallback) is not in that language's index, and 404s,
  redirects and the editors' translation status are in no index;
- only the article, not the navigation, header, safety bar or footer, and not the
  heading permalinks ("#"), the last-reviewed date and sources, the print view's address
  or the translation note (SKIPPED);
- everyday words for official terms (hooks/search_synonyms.yml), in the section of the
  page that the glossary's entry points to, in a field of their own that results do not
  show (see add_words).

lunr itself comes from the pinned MkDocs package (its built-in search ships lunr 2.3.9,
the version Material's worker and lunr-languages are built for), minified with rjsmin;
the stemmers are the lunr-languages files Material ships in assets/javascripts/lunr/min/.
Why not Pagefind: it found as much, but its WebAssembly alone made a first search cost
about 120 KB, twice the budget (reports/benchmark.md).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
import mkdocs.contrib.search
import rjsmin

from portal import addresses, docs_model, i18n_state, locales, search_sections


SYNONYMS = Path(__file__).with_name("search_synonyms.yml")
ARTICLE = '<article class="md-content__inner md-typeset">'
LUNR = Path(mkdocs.contrib.search.__file__).parent / "templates" / "search" / "lunr.js"
LUNR_OUT = Path("assets", "javascripts", "lunr", "lunr.min.js")
# Words are split at punctuation too in the languages lunr has no stop words for.
EXACT_SEPARATOR = r'[\s\-,:;.!?=\[\]()"/«»„“”…\u060C\u061B\u061F\u06D4]+'
# Not text of the page: the permalink "#" after each heading, the last-reviewed date and
# sources, the print view's address and the translation note.
SKIPPED = {"headerlink", "page-facts", "print-url", "translation-note"}
# Pages found by their title and introduction only: the list of links for letters
# repeats every other page's headings, and would come before the pages themselves.
TITLE_ONLY = {"links-for-letters.md"}
# A glossary entry: its heading id, and the page its "read more" link goes to.
GLOSSARY_ENTRY = re.compile(r"^## [^\n]*\{#(?P<id>[\w-]+)\}\s*$(?P<body>.*?)(?=^## |\Z)", re.M | re.S)
GLOSSARY_HEADING = re.compile(r"^## (?P<term>[^\n]*?)\s*\{#(?P<id>[\w-]+)\}\s*$", re.M)
# Glossary sections that are no term.
NOT_TERMS = {"legal-basis", "related-pages"}
GLOSSARY_LINK = re.compile(r"\]\((?P<page>[\w-]+)\.md(?:#[\w-]+)?\)")


def material_config(base: dict, lunr_language: str) -> dict:
    """Material's settings for one language: `lang` names the stemmer (en, or one of
    lunr-languages'); an "exact" language has none: no pipeline (no stemmer, no stop
    words), and words split at punctuation too. Material's highlighter on the target
    page uses the separator; search-on-demand.js reads all three."""
    if lunr_language == "exact":
        return dict(base, lang=["en"], pipeline=[], separator=EXACT_SEPARATOR)
    return dict(base, lang=[lunr_language], pipeline=["stopWordFilter"])


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


def add_words(docs: list[dict], sections: dict[str, list[str]]) -> list[dict]:
    """The documents with each section's extra words in their own field, "words": the
    section whose id is the glossary entry's, or the page's first document if there is
    none. Readers never see them (results show the title and the text)."""
    by_id = {doc["location"].partition("#")[2]: doc for doc in docs}
    for section, words in sections.items():
        doc = by_id.get(section) or docs[0]
        doc["words"] = " ".join(filter(None, [doc.get("words", ""), *words]))
    return docs


def searchable_html(page_html: str, title_only: bool = False) -> str:
    """What is indexed of a page: the article.

    A title-only page keeps its title and introduction (what comes before its first
    section heading).
    """
    if ARTICLE not in page_html:
        raise ValueError("no Material article in the page")
    # only the article is parsed: the rest of the page (the navigation in every language,
    # the header) is most of its HTML
    start = page_html.index(ARTICLE)
    end = page_html.find("</article>", start)
    article = page_html[start:] if end < 0 else page_html[start:end + len("</article>")]
    if title_only:
        first = article.find("<h2")
        if first > 0:
            article = article[:first] + "</article>"
    return article


def pages_to_index(site: Path, docs: Path, where: addresses.Addresses, synonyms: dict) -> list[tuple[str, str, str, dict]]:
    """[(language, address, html, {section id: extra words})] of every page each language
    has; fallback pages are left out."""
    records = []
    for lang in where.codes:
        glossary = docs / lang / "glossary.md"
        words = synonyms.get(lang) or {}
        text = glossary.read_text(encoding="utf-8") if glossary.is_file() else ""
        # A test's fixture site has a glossary of its own with none of the site's entries:
        # no synonyms there. On the real site an unknown id stops the build.
        extra = synonyms_by_page(text, words) if set(words) & set(glossary_targets(text)) else {}
        for _, name, _ in docs_model.iter_pages(docs, [lang]):  # easy/ pages too
            address = where.page(lang, name)
            built = where.file(site, address)
            if not built.is_file():
                continue
            content = searchable_html(built.read_text(encoding="utf-8"), title_only=name in TITLE_ONLY)
            records.append((lang, address, content, extra.get(name) or {}))
    return records


def documents(url: str, page_html: str) -> list[dict]:
    """Material's search documents of one page: the page (its title and introduction) at
    its address, then each section at address#id."""
    docs = []
    for number, section in enumerate(search_sections.sections(page_html, SKIPPED)):
        location = url if number == 0 else f"{url}#{section['id']}"
        docs.append({"location": location, "title": section["title"], "text": section["text"]})
    return docs


def write_indexes(site: Path, merged: dict, where: addresses.Addresses, lunr: dict[str, str],
                  records: list[tuple[str, str, str, dict]]) -> None:
    for lang in where.codes:
        docs = [doc for page_lang, url, content, words in records if page_lang == lang
                for doc in add_words(documents(url, content), words)]
        target = where.file(site, where.home(lang) + "search/search_index.json")
        target.parent.mkdir(parents=True, exist_ok=True)
        index = {"config": material_config(merged["config"], lunr[lang]), "docs": docs}
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def write_lunr(site: Path) -> None:
    """lunr, minified, beside Material's lunr-languages files, with its licence header."""
    source = LUNR.read_text(encoding="utf-8")
    header = source[: source.index("*/") + 2].replace("/**", "/*!", 1)
    target = site / LUNR_OUT
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(header + "\n" + rjsmin.jsmin(source), encoding="utf-8")


@i18n_state.after_every_language()
def on_post_build(config):
    site = Path(config.site_dir)
    merged_path = site / "search" / "search_index.json"
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    where = addresses.from_mkdocs(config)
    lunr = {lang: locales.load(lang, i18n_state.locales_dir(config)).get("search", lang) for lang in where.codes}
    synonyms = yaml.safe_load(SYNONYMS.read_text(encoding="utf-8")) or {}
    records = pages_to_index(site, Path(config.docs_dir), where, synonyms)
    merged_path.unlink()
    write_indexes(site, merged, where, lunr, records)
    write_lunr(site)
