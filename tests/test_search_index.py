"""The search index (hooks/search_index.py): what Pagefind gets, per language, and the
glossary's everyday words. The browser side is tests/test_search_browser.py."""

import importlib.util
import json
from pathlib import Path

import pytest
import yaml

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


def test_words_go_into_the_section_with_the_terms_id_or_under_the_title():
    out = search_index.add_synonyms(PAGE, {"taking-into-care": ["fosterhem"], "no-such-section": ["x<y"]})
    assert '#</a></h2><p>fosterhem</p><p>Text.</p>' in out
    assert '<h1 id="placering">Placering</h1><p>x&lt;y</p><p>Intro.</p>' in out


def test_pagefind_indexes_the_article_only():
    out = search_index.searchable_html(PAGE)
    assert '<article class="md-content__inner md-typeset" data-pagefind-body>' in out
    assert out.count("data-pagefind-body") == 1
    with pytest.raises(ValueError):
        search_index.searchable_html("<html><body><p>no article</p></body></html>")


def test_a_title_only_page_keeps_its_title_and_introduction():
    out = search_index.searchable_html(PAGE, title_only=True)
    assert "Intro." in out and "Omhändertagande" not in out and "Länkar." not in out
    assert "</article><footer>" in out


def test_every_synonym_is_for_a_glossary_entry_of_its_language():
    synonyms = yaml.safe_load(search_index.SYNONYMS.read_text(encoding="utf-8"))
    for lang, terms in synonyms.items():
        glossary = (ROOT / "docs" / lang / "glossary.md").read_text(encoding="utf-8")
        search_index.synonyms_by_page(glossary, terms)  # raises on an unknown id
        assert all(isinstance(w, str) and w.strip() for words in terms.values() for w in words), lang


# ---------------------------------------------------------------- the built site

def test_each_language_has_its_own_index_of_only_its_own_pages(built_site, config):
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sorted(entry["languages"]) == sorted(config.codes)
    for code in config.codes:
        own = len(list((config.docs_dir / code).rglob("*.md")))  # easy/ pages too
        # a partial language's other pages are shown from another language (fallback): not indexed
        assert entry["languages"][code]["page_count"] == own, code


def test_material_gets_settings_only_and_no_merged_index(built_site, config):
    for code in config.codes:
        index = json.loads((built_site / config.prefix(code) / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["docs"] == [], code
        assert index["config"]["lang"], code


def test_pagefinds_own_interfaces_are_not_shipped(built_site):
    shipped = {p.name for p in (built_site / "pagefind").iterdir()}
    assert "pagefind.js" in shipped and "pagefind-entry.json" in shipped
    assert not [n for n in shipped if n.startswith(("pagefind-ui", "pagefind-component-ui", "pagefind-modular-ui",
                                                    "pagefind-highlight"))]
