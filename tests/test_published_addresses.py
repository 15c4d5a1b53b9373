"""The ledger of published addresses (portal/published.py, scripts/published_addresses.py):
what a letter holds keeps working; each fault gives its exact complaint.

A small site written by hand (no build): two languages, a page with two sections, a short
address. The real site's ledger is checked by `make check` (portal/checks.py) and below.
"""

from __future__ import annotations

import json

import pytest

import published_addresses
from portal import addresses, published

WHERE = addresses.Addresses("sv", ("sv", "fi"), "https://x.test/")
PAGE = "---\ntitle: Eftervård\n---\n\n# Eftervård\n\n## Vem {#who}\n\n## Hur länge {#how-long}\n\n## Lag {#legal-basis}\n"
HTML = ('<html><body><h1 id="top">x</h1>{extra}<h2 id="who">Vem</h2><h2 id="how-long">Hur</h2>'
        '<h2 id="legal-basis">Lag</h2></body></html>')
STUB = '<html><head><meta http-equiv="refresh" content="0; url=/aftercare/"></head></html>'


@pytest.fixture
def site(tmp_path):
    docs, site = tmp_path / "docs", tmp_path / "site"
    for lang in ("sv", "fi"):
        (docs / lang).mkdir(parents=True)
        (docs / lang / "index.md").write_text("# Start\n", encoding="utf-8")
        (docs / lang / "aftercare.md").write_text(PAGE, encoding="utf-8")
        home = site / WHERE.prefix(lang)
        (home / "aftercare").mkdir(parents=True)
        (home / "index.html").write_text("<html><body><h1>Start</h1></body></html>", encoding="utf-8")
        (home / "aftercare" / "index.html").write_text(HTML.format(extra=""), encoding="utf-8")
    (site / "eftervard").mkdir()
    (site / "eftervard" / "index.html").write_text(STUB, encoding="utf-8")
    (site / "redirects.json").write_text(json.dumps({"/eftervard/": "/aftercare/"}), encoding="utf-8")
    ledger = tmp_path / published.LEDGER
    published.record(site, docs, WHERE, ledger)
    return site, docs, ledger


def check(site):
    return published.check(*site[:2], WHERE, site[2])


def test_the_recorded_site_passes_and_the_ledger_lists_every_kind(site):
    assert check(site) == []
    ledger = published.read(site[2])
    assert ledger.pages == ["/", "/aftercare/", "/fi/", "/fi/aftercare/"]
    assert ledger.sections == ["/aftercare/#how-long", "/aftercare/#who", "/fi/aftercare/#how-long", "/fi/aftercare/#who"]
    assert ledger.aliases == ["/eftervard/"]


def test_a_renamed_page_fails_until_its_old_address_has_a_new_home(site):
    built, docs, ledger = site
    (docs / "fi" / "aftercare.md").rename(docs / "fi" / "jalkihuolto.md")
    (built / "fi" / "aftercare").rename(built / "fi" / "jalkihuolto")
    assert check(site) == [
        "published-addresses.yml:9: /fi/aftercare/ was published: /fi/aftercare/ is not built: give it a new home: "
        "put /fi/aftercare/ in the aliases: of the page that now has its content, and record the move under moved: "
        "in published-addresses.yml with the reason",
        "published-addresses.yml:13: /fi/aftercare/#how-long was published: /fi/aftercare/ is not built: give it a "
        "new home: put /fi/aftercare/ in the aliases: of the page that now has its content, and record the move "
        "under moved: in published-addresses.yml with the reason",
        "published-addresses.yml:14: /fi/aftercare/#who was published: /fi/aftercare/ is not built: give it a new "
        "home: put /fi/aftercare/ in the aliases: of the page that now has its content, and record the move under "
        "moved: in published-addresses.yml with the reason",
        "published-addresses.yml: 3 address(es) the site now publishes are not in the ledger (/fi/jalkihuolto/, "
        "/fi/jalkihuolto/#how-long, /fi/jalkihuolto/#who): once they are right, record them: "
        ".venv/bin/python scripts/published_addresses.py --record",
    ]
    # the old address redirects to the page (an alias), but the move has no record yet
    (built / "fi" / "aftercare").mkdir()
    (built / "fi" / "aftercare" / "index.html").write_text(STUB, encoding="utf-8")
    (built / "redirects.json").write_text(json.dumps({"/eftervard/": "/aftercare/",
                                                      "/fi/aftercare/": "/fi/jalkihuolto/"}), encoding="utf-8")
    published.record(built, docs, WHERE, ledger)
    assert check(site) == [
        "published-addresses.yml:9: /fi/aftercare/ was published: /fi/aftercare/ is now only an alias of "
        "/fi/jalkihuolto/: record the move under moved: in published-addresses.yml "
        "(/fi/aftercare/: {to: /fi/jalkihuolto/, reason: why})"]
    ledger.write_text(ledger.read_text(encoding="utf-8").replace(
        "moved: {}", "moved:\n  /fi/aftercare/: {to: /fi/jalkihuolto/, reason: the Finnish word reads better}"),
        encoding="utf-8")
    assert check(site) == []


def test_a_dropped_section_id_fails_until_it_has_a_new_home_and_a_reason(site):
    built, docs, ledger = site
    page = built / "fi" / "aftercare" / "index.html"
    page.write_text(HTML.format(extra="").replace('<h2 id="who">', '<h2 id="entitled">'), encoding="utf-8")
    problems = check(site)
    assert problems[0] == (
        "published-addresses.yml:14: /fi/aftercare/#who (docs/fi/aftercare.md) was published: #who is not on the "
        "page /fi/aftercare/: keep the id, or give it a new home: <span id=\"who\"></span> just before the heading "
        "of the section that now covers it (in every language), and record the move under moved: in "
        "published-addresses.yml with the reason")
    # the old id marks the new section, but nobody said why
    page.write_text(HTML.format(extra='<span id="who"></span>').replace('<h2 id="who">', '<h2 id="entitled">'),
                    encoding="utf-8")
    assert check(site) == [
        "published-addresses.yml:14: /fi/aftercare/#who (docs/fi/aftercare.md) was published: #who now only marks "
        "another section (an empty span): record the move under moved: in published-addresses.yml with the reason"]
    ledger.write_text(ledger.read_text(encoding="utf-8").replace(
        "moved: {}", "moved:\n  /fi/aftercare/#who: {to: /fi/aftercare/#entitled}"), encoding="utf-8")
    assert "published-addresses.yml:18: /fi/aftercare/#who (docs/fi/aftercare.md): a move needs its new home " \
           "and the reason, like /fi/aftercare/#who: {to: /new/address/, reason: why it moved}" in check(site)
    ledger.write_text(ledger.read_text(encoding="utf-8").replace(
        "#entitled}", "#entitled, reason: one heading for who is entitled and how to ask}"), encoding="utf-8")
    assert check(site) == []


def test_an_alias_that_leads_nowhere_fails(site):
    built, _, _ = site
    (built / "redirects.json").write_text(json.dumps({}), encoding="utf-8")
    assert check(site) == [
        "published-addresses.yml:16: /eftervard/ was published: the alias /eftervard/ leads to nothing, which is "
        "not built: give it a page (an alias in the front matter of the page that now has its content)"]


def test_the_ledger_only_grows_and_records_new_sections(site):
    built, docs, ledger = site
    (docs / "sv" / "aftercare.md").write_text(PAGE + "\n## Ny {#new}\n", encoding="utf-8")
    assert published.record(built, docs, WHERE, ledger) == ["/aftercare/#new"]
    (docs / "sv" / "aftercare.md").write_text(PAGE, encoding="utf-8")
    published.record(built, docs, WHERE, ledger)
    assert "/aftercare/#new" in published.read(ledger).sections  # not taken out by a later record


def test_the_real_site_publishes_only_what_the_ledger_holds(built_site, config):
    assert published.check(built_site, config.docs_dir, config.addresses, config.root / published.LEDGER) == []


def test_the_command_names_the_problem_and_fails(site, monkeypatch, capsys):
    built, docs, ledger = site
    (built / "fi" / "aftercare" / "index.html").unlink()
    monkeypatch.setattr(published_addresses.site_config, "load", lambda _: type(
        "Config", (), {"root": ledger.parent, "docs_dir": docs, "addresses": WHERE, "site_dir": built})())
    assert published_addresses.main([str(built)]) == 1
    out = capsys.readouterr().out
    assert "published-addresses.yml:9: /fi/aftercare/ (docs/fi/aftercare.md) was published: /fi/aftercare/ is " \
           "not built" in out
    assert out.endswith("published_addresses: 9 published address(es), 3 problem(s)\n")


LAW_ACTS = "100/2001:\n  title: {fi: Laki, sv: Lag}\n  names: [lag]\n  texts: true\n  parts: [%s]\n"
LAW_TEXTS = "100/2001:\n  sections:\n" + "".join(f"    '{n}': {{status: in force}}\n" for n in (2, 5, 7))


def law_page(built, lang, name, numbers):
    folder = built / WHERE.prefix(lang) / "law" / name
    folder.mkdir(parents=True, exist_ok=True)
    ids = "".join(f'<section id="100-2001-{n}"><h3>{n} §</h3></section>' for n in numbers)
    (folder / "index.html").write_text(f"<html><body><h1>Lag</h1>{ids}</body></html>", encoding="utf-8")


def test_a_section_of_law_that_moves_to_another_law_page_fails(site):
    """The law pages come from law/, not docs/: each section of law on its law page is a
    published address, and a new part that takes a published section off its page fails."""
    built, docs, ledger = site
    (docs.parent / "law").mkdir()
    (docs.parent / "law" / "acts.yml").write_text(LAW_ACTS % "5", encoding="utf-8")
    (docs.parent / "law" / "sections.yml").write_text(LAW_TEXTS, encoding="utf-8")
    for lang in ("sv", "fi"):
        law_page(built, lang, "100-2001", [2])
        law_page(built, lang, "100-2001-5", [5, 7])
    assert "/fi/law/100-2001-5/#100-2001-7" in published.record(built, docs, WHERE, ledger)
    assert check(site) == []
    # a new part from 7 § on: 7 § leaves the page its address was published on
    (docs.parent / "law" / "acts.yml").write_text(LAW_ACTS % "5, 7", encoding="utf-8")
    for lang in ("sv", "fi"):
        law_page(built, lang, "100-2001-5", [5])
        law_page(built, lang, "100-2001-7", [7])
    assert check(site)[:2] == [
        f"published-addresses.yml:{line}: {lang}law/100-2001-5/#100-2001-7 was published: #100-2001-7 is not on the "
        f"law page {lang}law/100-2001-5/ any more: the law pages are made from law/sections.yml and law/acts.yml "
        "(parts:); keep each section on the law page it was published on (a new part of an act may only begin "
        "after its last published section), or, if it cannot stay, record the move under moved: in "
        "published-addresses.yml with its new home and the reason" for line, lang in ((20, "/fi/"), (23, "/"))]
