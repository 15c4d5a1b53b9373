"""Short localized addresses and old URLs of renamed pages land on the canonical page."""

import json

from helpers import write_fixture_docs

from conftest import build_site
from portal import aliases

PAGE = "---\ntitle: T\ndescription: D.\nlast_reviewed: 2026-11-23\n{aliases}sources:\n  - title: Act\n    url: https://www.finlex.fi/\n---\n\n# T\n"


def page(aliases=None):
    return PAGE.format(aliases=f"aliases: {aliases}\n" if aliases else "")


def test_real_short_addresses_are_listed_for_the_server(built_site):
    redirects = json.loads((built_site / "redirects.json").read_text(encoding="utf-8"))
    assert redirects["/eftervard/"] == "/aftercare/"
    assert redirects["/fi/jalkihuolto/"] == "/fi/aftercare/"


def test_short_addresses_and_old_urls_land_on_the_page_in_a_browser(server, page_factory):
    browser_page = page_factory("sv-FI")
    for alias, target in (("eftervard/", "aftercare/"), ("fi/jalkihuolto/", "fi/aftercare/"),
                          ("fi/lastensuojeluilmoitus/", "fi/child-welfare-notification/")):
        browser_page.goto(server + alias)
        browser_page.wait_for_url(server + target)
        assert browser_page.url == server + target


def test_a_renamed_page_keeps_its_old_url(tmp_path, config):
    docs = write_fixture_docs(tmp_path, config, {"sv": {"aftercare.md": page("[/old-aftercare-page/]")}}, ["sv"])
    result = build_site(tmp_path / "site", docs, ["sv"])
    assert result.returncode == 0, result.stdout + result.stderr
    html = (tmp_path / "site" / "old-aftercare-page" / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=/aftercare/">' in html
    assert '<link rel="canonical" href="https://lastensuojelu.example.org/aftercare/">' in html


def alias_problems(docs, codes):
    """What the build says of the fixture's aliases (hooks/redirects.py runs this before it
    builds anything, and a problem fails the build: tests/test_strict_everywhere.py)."""
    return aliases.collect(docs, codes, "sv", lambda path: path.relative_to(docs.parent).as_posix())[1]


def test_bad_aliases_are_named_with_file_and_line(tmp_path, config):
    docs = write_fixture_docs(tmp_path, config, {
        "sv": {"aftercare.md": page("[/eftervard/]"), "placement.md": page("[/eftervard/, /Placering/, /privacy/]")},
        "fi": {"aftercare.md": page("[/jalkihuolto/]")},
    }, ["sv", "fi"])
    assert alias_problems(docs, ["sv", "fi"]) == [
        "docs/sv/placement.md:5: alias '/eftervard/' is already used by docs/sv/aftercare.md:5",
        "docs/sv/placement.md:5: alias '/Placering/' must look like /eftervard/: lower-case a-z, 0-9 and hyphens, "
        "with a slash at both ends",
        "docs/sv/placement.md:5: alias '/privacy/' is the address of the page docs/sv/privacy.md; choose another",
        "docs/fi/aftercare.md:5: alias '/jalkihuolto/' of a 'fi' page must start with /fi/",
    ]


def test_an_alias_that_is_a_page_in_any_language_or_another_alias_is_refused(tmp_path, config):
    """The server would answer the real page with a 301 to another one: never publish that."""
    docs = write_fixture_docs(tmp_path, config, {
        "fi": {"placement.md": page("[/fi/sijoitus/, /fi/aftercare/]"),
               "open-care.md": page("[/fi/sijoitus/, /fi/placement/]")},
        "ar": {"index.md": page("[/ar/open-care/]")},
    }, ["sv", "fi", "ar"])
    (docs / "ar" / "open-care.md").unlink()  # shown in Arabic as a fallback: its address is a page all the same
    problems = alias_problems(docs, ["sv", "fi", "ar"])
    assert sorted(problems) == sorted([
        "docs/fi/placement.md:5: alias '/fi/aftercare/' is the address of the page docs/fi/aftercare.md; "
        "choose another",
        "docs/fi/placement.md:5: alias '/fi/sijoitus/' is already used by docs/fi/open-care.md:5",
        "docs/fi/open-care.md:5: alias '/fi/placement/' is the address of the page docs/fi/placement.md; "
        "choose another",
        "docs/ar/index.md:5: alias '/ar/open-care/' is the address of the page docs/sv/open-care.md "
        "(shown under /ar/ as a fallback); choose another",
    ])


def test_redirects_never_send_a_page_away_from_itself(built_site):
    redirects = json.loads((built_site / "redirects.json").read_text(encoding="utf-8"))
    assert redirects, "no redirects at all: the test would prove nothing"
    for alias in redirects:
        page = built_site / alias.strip("/") / "index.html"
        assert 'http-equiv="refresh"' in page.read_text(encoding="utf-8")[:600], f"{alias} is a real page"
