"""Citations link to the law page (hooks/law_links.py): on the built HTML, each cited section
in the texts becomes a link to its anchor; a citation inside a Finlex link splits it; a
repealed or unknown section, a heading and the law page are left alone; in right-to-left
pages the digit handling (hooks/text_direction.py) still keeps a linked range left to
right. Then the law page itself, built: the aftercare page links 75 § to its text."""

import importlib.util
import re
from pathlib import Path

import jinja2

from portal import citations, law

ROOT = Path(__file__).resolve().parent.parent


def _hook(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


law_links = _hook("law_links")
text_direction = _hook("text_direction")
ACTS = citations.load_acts()
DATA = law.load()
FINLEX = "https://www.finlex.fi/sv/laki/ajantasa/2007/20070417"


def linked(html):
    return law_links.link_citations(html, ACTS, DATA, lambda act, section: f"/law/#{citations.anchor(act, section)}")


def test_a_section_in_the_text_links_to_its_anchor():
    assert linked("<p>Se barnskyddslagen 76 a § och (4 och 40 §).</p>") == (
        '<p>Se barnskyddslagen <a class="law-ref" href="/law/#417-2007-76a">76 a §</a> och '
        '(<a class="law-ref" href="/law/#417-2007-4">4</a> och <a class="law-ref" href="/law/#417-2007-40">40 §</a>).</p>')


def test_a_citation_inside_a_finlex_link_splits_it():
    assert linked(f'<li><a href="{FINLEX}">Barnskyddslag 30 och 75–77 §</a> – eftervård</li>') == (
        f'<li><a href="{FINLEX}">Barnskyddslag </a><a class="law-ref" href="/law/#417-2007-30">30</a> och '
        '<a class="law-ref" href="/law/#417-2007-75">75–77 §</a> – eftervård</li>')


def test_repealed_unknown_headings_and_acts_without_texts_are_left_alone():
    """(A section not read yet links: the law page says so and links to Finlex.)"""
    html = ('<h2>Barnskyddslagen 75 §</h2><p>Lag om klientens ställning och rättigheter inom socialvården 11 §, '
            'barnskyddslagen 999 §, dataskyddslagen 5 §, barnskyddslagen 64 §.</p>')
    assert linked(html) == html


def test_a_linked_range_stays_left_to_right_in_arabic():
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"))
    html = text_direction.keep_numbers_ltr(linked("<p>قانون حماية الطفل، المواد 34–50</p>"),
                                           env.get_template(text_direction.TEMPLATE))
    assert html == ('<p>قانون حماية الطفل، <a class="law-ref" href="/law/#417-2007-34">المواد '
                    '<span dir="ltr" class="ltr-number">34–50</span></a></p>')


def test_the_built_aftercare_page_opens_75_in_finnish_and_swedish(built_site):
    """Without JavaScript: a plain link to an anchor of a plain HTML page, in every language."""
    for prefix in ("", "fi/", "ar/"):
        page = (built_site / prefix / "aftercare" / "index.html").read_text(encoding="utf-8")
        hrefs = sorted({h for h in re.findall(r'<a class="law-ref" href="([^"]+)"', page) if h.endswith("#417-2007-75")})
        assert hrefs == [f"/{prefix}law/417-2007-51/#417-2007-75"], (prefix, hrefs)
        law_page = (built_site / prefix / "law" / "417-2007-51" / "index.html").read_text(encoding="utf-8")
        section = law_page[law_page.index('id="417-2007-75"'):]
        section = section[:section.index("</section>")]
        assert 'lang="fi"' in section and 'lang="sv"' in section
        assert "Jälkihuoltoa voidaan järjestää myös muulle" in section
        assert "Eftervård kan också ordnas för en annan" in section
        assert "1283/2023" in section and "23" in section  # the age limit as amended from 1.1.2024


def test_the_law_index_lists_every_page_and_section(built_site):
    index = (built_site / "fi" / "law" / "index.html").read_text(encoding="utf-8")
    for part in ("417-2007", "417-2007-30", "417-2007-39", "417-2007-51"):
        assert f'href="/fi/law/{part}/"' in index
    assert 'href="/fi/law/417-2007-51/#417-2007-76a"' in index
    assert 'id="703-2023-51"' in index


def test_a_section_first_published_on_the_index_keeps_its_address_there(built_site):
    """621/1999 and 616/2021 were on the index (/law/#621-1999-24) before they got pages of their own: the
    index's entry for it carries the id, so a letter's link lands one click from the text."""
    for prefix in ("", "fi/", "ar/"):
        index = (built_site / prefix / "law" / "index.html").read_text(encoding="utf-8")
        for page, number in (("621-1999", "11"), ("621-1999-24", "24"), ("616-2021", "6"), ("616-2021-7", "7")):
            act = page[:8]
            assert f'<a id="{act}-{number}" href="/{prefix}law/{page}/#{act}-{number}" dir="ltr">' in index, (prefix, page)
        assert 'class="law-section" id="621-1999-24"' not in index  # its text is on its own page
