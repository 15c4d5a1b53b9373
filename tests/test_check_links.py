"""Link check of the built site: each fault in a fixture gives its exact complaint."""

import io

import check_links
import pytest
from conftest import CONFIG

URL = "https://x.example/"
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
    return root


def run(site):
    out = io.StringIO()
    code = check_links.run(site, URL, external=False, out=out)
    return code, out.getvalue().strip().split("\n")


def test_a_good_site_passes(site):
    code, lines = run(site)
    assert code == 0
    assert lines == ["check_links: 2 pages, 0 broken internal link(s), 1 external link(s) not checked (use --external)"]


def test_broken_anchor_names_the_ids_there(site):
    page = site / "aftercare" / "index.html"
    page.write_text(page.read_text().replace("#in-brief", "#how-long"), encoding="utf-8")
    code, lines = run(site)
    assert code == 1
    assert lines[0] == ("aftercare/index.html:7: <a href> 'http://local.invalid/fi/aftercare/#how-long' points to "
                        "'#how-long', which does not exist in fi/aftercare/index.html; ids there: in-brief")


def test_missing_page_and_missing_trailing_slash(site):
    page = site / "aftercare" / "index.html"
    page.write_text(page.read_text().replace('href="../fi/aftercare/#in-brief"', 'href="../fi/aftercare"')
                    .replace('<a href="mailto', '<a href="../placement/">x</a><a href="mailto'), encoding="utf-8")
    code, lines = run(site)
    assert code == 1
    assert lines[:2] == [
        "aftercare/index.html:7: <a href> 'http://local.invalid/fi/aftercare' points to /fi/aftercare, "
        "which is not built (add the trailing slash)",
        "aftercare/index.html:9: <a href> 'http://local.invalid/placement/' points to /placement/, which is not built",
    ]


def test_broken_hreflang_canonical_and_asset(site):
    (site / "assets" / "site.css").unlink()
    (site / "fi" / "aftercare" / "index.html").unlink()
    code, lines = run(site)
    problems = [l for l in lines if not l.startswith("check_links:")]
    assert "aftercare/index.html:3: <link href> rel=alternate 'http://local.invalid/fi/aftercare/' points to /fi/aftercare/, which is not built" in problems
    assert "aftercare/index.html:4: <link href> rel=stylesheet 'http://local.invalid/assets/site.css' points to /assets/site.css, which is not built" in problems
    assert "sitemap.xml:3: sitemap URL 'http://local.invalid/fi/aftercare/' points to /fi/aftercare/, which is not built" in problems


def test_external_links_are_only_listed_by_default(site, monkeypatch):
    called = []
    monkeypatch.setattr(check_links, "check_external", lambda urls: called.append(urls) or [])
    run(site)
    assert called == []
    check_links.run(site, URL, external=True, out=io.StringIO())
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
    code = check_links.run(built, CONFIG.site_url, external=False, out=out)
    assert code == 0, out.getvalue()
