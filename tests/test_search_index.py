"""The search index (hooks/search_index.py): what each language's index holds, section by
section, and the glossary's everyday words. The browser side is tests/test_search_browser.py."""

import importlib.util
import json
from pathlib import Path

import pytest
import yaml

from portal import search_sections
from helpers import written_in

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("search_index", ROOT / "hooks" / "search_index.py")
search_index = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(search_index)

GLOSSARY = """# Ordlista

## Omhändertagande {#taking-into-care}

Text.

Läs mer: [Placering](placement.md)

## Eftervård {#aftercare}

Läs mer: [Eftervård](aftercare.md#who-is-entitled)

## Relaterade sidor {#related-pages}

- [Start](index.md)
"""

PAGE = """<html lang="sv"><body><nav>Meny</nav>
<article class="md-content__inner md-typeset"><h1 id="placering">Placering</h1><p>Intro.</p>
<h2 id="taking-into-care">Omhändertagande<a class="headerlink" href="#taking-into-care">#</a></h2><p>Text.</p>
<h2 id="related-pages">Relaterade sidor</h2><p>Länkar.</p>
</article><footer>Fot</footer></body></html>"""


def test_glossary_entries_point_to_their_pages():
    assert search_index.glossary_targets(GLOSSARY) == {
        "taking-into-care": "placement.md", "aftercare": "aftercare.md", "related-pages": "index.md"}
    assert search_index.glossary_terms(GLOSSARY)["taking-into-care"] == "Omhändertagande"


def test_everyday_words_and_the_glossary_term_go_to_the_terms_page():
    pages = search_index.synonyms_by_page(GLOSSARY, {"taking-into-care": ["fosterhem", "socialen tar barnet"]})
    assert pages == {
        "placement.md": {"taking-into-care": ["Omhändertagande", "fosterhem", "socialen tar barnet"]},
        "aftercare.md": {"aftercare": ["Eftervård"]},
    }


def test_words_for_a_term_the_glossary_does_not_have_fail_the_build():
    with pytest.raises(ValueError) as error:
        search_index.synonyms_by_page(GLOSSARY, {"foster-care": ["fosterhem"]})
    assert str(error.value) == "search_synonyms.yml: 'foster-care' is not a glossary entry with a link to a page"


def test_words_go_to_the_section_with_the_terms_id_or_to_the_page_in_a_field_of_their_own():
    docs = [{"location": "/placement/", "title": "Placering", "text": "Intro."},
            {"location": "/placement/#taking-into-care", "title": "Omhändertagande", "text": "Text."}]
    out = search_index.add_words(docs, {"taking-into-care": ["fosterhem", "socialen tar barnet"], "no-such-section": ["x"]})
    assert out == [{"location": "/placement/", "title": "Placering", "text": "Intro.", "words": "x"},
                   {"location": "/placement/#taking-into-care", "title": "Omhändertagande", "text": "Text.",
                    "words": "fosterhem socialen tar barnet"}]


def test_a_page_without_the_themes_article_is_an_error():
    with pytest.raises(ValueError) as error:
        search_index.searchable_html("<html><body><p>no article</p></body></html>")
    assert str(error.value) == "no Material article in the page"


def test_a_page_is_indexed_as_its_title_and_introduction_then_each_section():
    page = PAGE.replace("<p>Intro.</p>", '<p>Intro.</p><div class="page-facts"><p>Granskad 1.1.2026</p></div>')
    docs = search_index.documents("/placement/", search_index.searchable_html(page))
    assert docs == [
        {"location": "/placement/", "title": "Placering", "text": "Intro."},
        {"location": "/placement/#taking-into-care", "title": "Omhändertagande", "text": "Text."},
        {"location": "/placement/#related-pages", "title": "Relaterade sidor", "text": "Länkar."},
    ]  # no permalink "#", no review date, nothing outside the article


def test_sections_skip_nested_skipped_elements_and_keep_the_words_apart():
    html = ('<article class="md-content__inner md-typeset"><h1 id="t">T</h1><ul><li>ett</li><li>två</li></ul>'
            '<div class="translation-note"><div><p>not</p></div><p>this</p></div><p>tre<br>fyra</p></article><p>out</p>')
    assert search_sections.sections(html, search_index.SKIPPED) == [{"id": "t", "title": "T", "text": "ett två tre fyra"}]


def test_a_title_only_page_keeps_its_title_and_introduction():
    out = search_index.searchable_html(PAGE, title_only=True)
    assert "Intro." in out and "Omhändertagande" not in out and "Länkar." not in out
    assert out.startswith('<article class="md-content__inner md-typeset">') and out.endswith("</article>")


def test_every_synonym_is_for_a_glossary_entry_of_its_language():
    synonyms = yaml.safe_load(search_index.SYNONYMS.read_text(encoding="utf-8"))
    for lang, terms in synonyms.items():
        glossary = (ROOT / "docs" / lang / "glossary.md").read_text(encoding="utf-8")
        search_index.synonyms_by_page(glossary, terms)  # raises on an unknown id
        assert all(isinstance(w, str) and w.strip() for words in terms.values() for w in words), lang


# ---------------------------------------------------------------- the built site

def index_of(built_site, config, code):
    where = config.addresses
    return json.loads(where.file(built_site, where.home(code) + "search/search_index.json").read_text(encoding="utf-8"))


def test_each_language_has_its_own_index_of_only_its_own_pages(built_site, config):
    for code in config.codes:
        pages = {doc["location"].split("#")[0] for doc in index_of(built_site, config, code)["docs"]}
        own = set(written_in(config, code))  # easy/ pages too
        # a partial language's other pages are shown from another language (fallback): not indexed
        assert pages == own, code


def test_an_index_has_sections_with_titles_and_text_and_the_glossarys_words(built_site, config):
    docs = {doc["location"]: doc for doc in index_of(built_site, config, "fi")["docs"]}
    funds = docs["/fi/aftercare/#independence-funds"]
    assert funds["title"] == "Itsenäistymisvarat" and funds["text"]
    assert "#" not in funds["title"]
    words = yaml.safe_load(search_index.SYNONYMS.read_text(encoding="utf-8"))["fi"]["family-care"]
    assert all(w in " ".join(d.get("words", "") for d in docs.values()) for w in words)


def test_lunr_is_shipped_minified_with_its_licence_and_the_stemmers_it_needs(built_site, config):
    lunr = (built_site / search_index.LUNR_OUT).read_text(encoding="utf-8")
    assert lunr.startswith("/*!\n * lunr - http://lunrjs.com") and "@license MIT" in lunr[:200]
    assert len(lunr) < search_index.LUNR.stat().st_size / 2
    for code in config.codes:
        stemmer = index_of(built_site, config, code)["config"]
        if stemmer["pipeline"] and stemmer["lang"] != ["en"]:
            assert (built_site / "assets" / "javascripts" / "lunr" / "min" / f"lunr.{stemmer['lang'][0]}.min.js").is_file(), code
