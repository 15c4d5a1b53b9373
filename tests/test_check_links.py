"""Link check of the built site: each fault in a fixture gives its exact complaint."""

import io
import json

import check_links
import pytest
from conftest import CONFIG

from portal import addresses

URL = "https://x.example/"
WHERE = addresses.Addresses("sv", ("sv", "fi"), URL)
PAGE = """<!doctype html><html lang="{lang}"><head>
<link rel="canonical" href="https://x.example/{path}">
<link rel="alternate " hreflang="fi" href="https://x.example/fi/aftercare/">
<link rel="stylesheet" href="{up}assets/site.css">
</head><body>
<h2 id="in-brief">In brief</h2>
<a href="{up}fi/aftercare/#in-brief">fi</a>
<a href="https://www.finlex.fi/fi/laki/ajantasa/2007/20070417">law</a>
<a href="mailto:x@example.org">mail</a>
</body></html>
"""


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    for path, lang, up in (("aftercare/", "sv", "../"), ("fi/aftercare/", "fi", "../../")):
        (root / path).mkdir(parents=True)
        (root / path / "index.html").write_text(PAGE.format(lang=lang, path=path, up=up), encoding="utf-8")
    (root / "assets").mkdir()
    (root / "assets" / "site.css").write_text("body{}", encoding="utf-8")
    (root / "sitemap.xml").write_text(
        '<urlset>\n<url><loc>https://x.example/aftercare/</loc>\n'
        '<xhtml:link rel="alternate" hreflang="fi" href="https://x.example/fi/aftercare/"/></url>\n</urlset>\n',
        encoding="utf-8")
    (root / "eftervard").mkdir()
    (root / "eftervard" / "index.html").write_text('<meta http-equiv="refresh" content="0; url=/aftercare/">',
                                                   encoding="utf-8")
    write_json(root / "redirects.json", {"/eftervard/": "/aftercare/"})
    write_json(root / "languages.json", {"sv": "/aftercare/", "fi": "/fi/aftercare/"})
    write_json(root / "fi" / "search" / "search_index.json",
               {"docs": [{"location": "/fi/aftercare/"}, {"location": "/fi/aftercare/#in-brief"}]})
    qr = root / "assets" / "letters" / "qr" / "fi"
    qr.mkdir(parents=True)
    for name, url in (("aftercare", URL + "fi/aftercare/"), ("aftercare.in-brief", URL + "fi/aftercare/#in-brief")):
        (qr / f"{name}.svg").write_text(f"<svg><title>{url}</title></svg>", encoding="utf-8")
    write_json(root / "assets" / "letters" / "links.12345678.json", {"languages": [], "pages": [
        {"id": "aftercare", "at": {"fi": {"url": URL + "fi/aftercare/", "qr": "qr/fi/aftercare.svg"}}, "short": {},
         "sections": [{"id": "in-brief", "at": {"fi": {"url": URL + "fi/aftercare/#in-brief",
                                                        "qr": "qr/fi/aftercare.in-brief.svg"}}}]}]})
    return root


def write_json(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def edit_json(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    write_json(path, data)


def run(site, docs=None):
    out = io.StringIO()
    code = check_links.run(site, WHERE, external=False, out=out, docs=docs)
    return code, out.getvalue().strip().split("\n")


def test_a_good_site_passes(site):
    code, lines = run(site)
    assert code == 0
    assert lines == ["check_links: 3 pages and the site's data, 0 broken address(es), 1 external link(s) not checked "
                     "(use --external)"]


def test_broken_anchor_names_the_ids_there(site):
    page = site / "aftercare" / "index.html"
    page.write_text(page.read_text().replace("#in-brief", "#how-long"), encoding="utf-8")
    code, lines = run(site)
    assert code == 1
    assert lines[0] == ("aftercare/index.html:7: <a href> '/fi/aftercare/#how-long': '#how-long' does not exist "
                        "in fi/aftercare/index.html; ids there: in-brief")


def test_missing_page_and_missing_trailing_slash(site):
    page = site / "aftercare" / "index.html"
    page.write_text(page.read_text().replace('href="../fi/aftercare/#in-brief"', 'href="../fi/aftercare"')
                    .replace('<a href="mailto', '<a href="../placement/">x</a><a href="mailto'), encoding="utf-8")
    code, lines = run(site)
    assert code == 1
    assert lines[:2] == [
        "aftercare/index.html:7: <a href> '/fi/aftercare' is not built (add the trailing slash)",
        "aftercare/index.html:9: <a href> '/placement/' is not built",
    ]


def test_broken_hreflang_canonical_and_asset(site):
    (site / "assets" / "site.css").unlink()
    (site / "fi" / "aftercare" / "index.html").unlink()
    code, lines = run(site)
    problems = [l for l in lines if not l.startswith("check_links:")]
    assert "aftercare/index.html:3: <link href> rel=alternate '/fi/aftercare/' is not built" in problems
    assert "aftercare/index.html:4: <link href> rel=stylesheet '/assets/site.css' is not built" in problems
    assert "sitemap.xml:3: sitemap URL '/fi/aftercare/' is not built" in problems


def test_external_links_are_only_listed_by_default(site, monkeypatch):
    called = []
    monkeypatch.setattr(check_links, "check_external", lambda urls: called.append(urls) or [])
    run(site)
    assert called == []
    check_links.run(site, WHERE, external=True, out=io.StringIO())
    assert called == [{"https://www.finlex.fi/fi/laki/ajantasa/2007/20070417"}]


def test_external_failures_fail_but_403_405_429_count_as_reachable(monkeypatch):
    class Response:
        def __init__(self, status):
            self.status_code = status

    statuses = {"https://a.example/": 404, "https://b.example/": 403, "https://c.example/": 429, "https://d.example/": 405}
    import requests
    monkeypatch.setattr(requests, "head", lambda url, **kw: Response(statuses[url]))
    monkeypatch.setattr(requests, "get", lambda url, **kw: Response(statuses[url]))
    assert check_links.check_external(set(statuses)) == ["https://a.example/: HTTP 404"]


def test_real_site_has_no_broken_internal_links(built_site):
    built = built_site
    out = io.StringIO()
    code = check_links.run(built, CONFIG.addresses, external=False, out=out, docs=CONFIG.docs_dir)
    assert code == 0, out.getvalue()


def test_a_broken_link_written_in_a_page_is_reported_once_at_its_line_in_docs(site, tmp_path):
    """The Swedish page and the same text shown elsewhere (a fallback) have the broken link:
    one complaint, at the Markdown line, naming where it was built."""
    docs = tmp_path / "docs"
    (docs / "sv").mkdir(parents=True)
    (docs / "sv" / "aftercare.md").write_text("# Eftervård\n\nSe [placering](../placement/#x).\n", encoding="utf-8")
    for path in ("aftercare/index.html", "fi/aftercare/index.html"):
        page = site / path
        page.write_text(page.read_text().replace('<a href="mailto', '<a href="../placement/#x">p</a><a href="mailto'),
                        encoding="utf-8")
    code, lines = run(site, docs)
    assert code == 1
    assert lines[:-1] == ["docs/sv/aftercare.md:3: the link '../placement/#x' is broken: <a href> '/placement/#x' is "
                          "not built (built into aftercare/index.html:9)"]


def test_a_broken_link_a_template_writes_is_reported_once_with_its_count(site):
    for path in ("aftercare/index.html", "fi/aftercare/index.html"):
        page = site / path
        page.write_text(page.read_text().replace("</body>", '<a href="/search/">s</a></body>'), encoding="utf-8")
    code, lines = run(site)
    assert lines[:-1] == ["aftercare/index.html:10: <a href> '/search/' is not built (and on 1 more page(s): a "
                          "template or hook writes it)"]


def test_the_sites_data_leads_only_to_built_pages_and_ids(site):
    write_json(site / "redirects.json", {"/eftervard/": "/placement/", "/kort/": "/aftercare/"})
    write_json(site / "languages.json", {"sv": "/sv/", "fi": "/fi/aftercare/"})
    edit_json(site / "fi" / "search" / "search_index.json", lambda d: d["docs"].append({"location": "/fi/aftercare/#x"}))
    code, lines = run(site)
    assert code == 1
    assert lines[:-1] == [
        "redirects.json: the target of '/eftervard/' '/placement/' is not built",
        "redirects.json: the short address '/kort/' has no redirect page",
        "languages.json: the home of 'sv' '/sv/' is not built",
        "fi/search/search_index.json: search result '/fi/aftercare/#x': '#x' does not exist in fi/aftercare/index.html; "
        "ids there: in-brief",
    ]


def test_the_composers_addresses_and_qr_codes_are_checked(site):
    """The composer once handed staff /easy/index/, a 404, and a QR code of it."""
    data = site / "assets" / "letters" / "links.12345678.json"

    def break_it(d):
        d["pages"][0]["at"]["fi"]["url"] = URL + "fi/easy/index/"
        d["pages"][0]["sections"][0]["at"]["fi"]["qr"] = "qr/fi/aftercare.svg"
    edit_json(data, break_it)
    code, lines = run(site)
    assert code == 1
    assert lines[:-1] == [
        "assets/letters/links.12345678.json: the composer's address for 'aftercare' '/fi/easy/index/' is not built",
        "assets/letters/links.12345678.json: the QR code qr/fi/aftercare.svg is not titled "
        "'https://x.example/fi/easy/index/'",
        "assets/letters/links.12345678.json: the QR code qr/fi/aftercare.svg is not titled "
        "'https://x.example/fi/aftercare/#in-brief'",
    ]
