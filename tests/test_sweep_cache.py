"""The cache of the browser pass (tests/sweep_cache.py): a kept visit is used only while the
page, everything it loaded, the collector and the server are what they were."""

from __future__ import annotations

import pytest

import sweep_cache
from sweep import Visit

BASE = "http://127.0.0.1:41001/"


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    for path, text in {"fi/aftercare/index.html": "<p>jälkihuolto</p>", "fi/placement/index.html": "<p>sijoitus</p>",
                       "assets/site.1234abcd.css": "p{}", "fi/404.html": "<p>ei löydy</p>"}.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


def visit(path: str, axe=()) -> Visit:
    return Visit(url=BASE + path, path=path, lang="fi", status=200, axe=list(axe),
                 requests=[BASE + path, BASE + "assets/site.1234abcd.css"],
                 console=[f"{BASE}{path}: a message naming the server"])


def cache(site, tmp_path, base=BASE, fixed="collector-1"):
    return sweep_cache.VisitCache(site, base, fixed, Visit, where=tmp_path / "cache")


def test_a_kept_visit_comes_back_on_another_port(site, tmp_path):
    cache(site, tmp_path).put(visit("fi/aftercare/", axe=["color-contrast: a problem stays a problem"]))
    again = cache(site, tmp_path, base="http://127.0.0.1:52002/").get("fi/aftercare/")
    assert again == Visit(url="http://127.0.0.1:52002/fi/aftercare/", path="fi/aftercare/", lang="fi", status=200,
                          axe=["color-contrast: a problem stays a problem"],
                          requests=["http://127.0.0.1:52002/fi/aftercare/",
                                    "http://127.0.0.1:52002/assets/site.1234abcd.css"],
                          console=["http://127.0.0.1:52002/fi/aftercare/: a message naming the server"])


@pytest.mark.parametrize("change", ["the page", "what it loaded", "the collector or the server"])
def test_a_change_that_could_change_the_visit_loads_the_page_again(site, tmp_path, change):
    first = cache(site, tmp_path)
    first.put(visit("fi/aftercare/"))
    first.put(visit("fi/placement/"))
    fixed = "collector-1"
    if change == "the page":
        (site / "fi" / "aftercare" / "index.html").write_text("<p>muutettu</p>", encoding="utf-8")
    elif change == "what it loaded":
        (site / "assets" / "site.1234abcd.css").write_text("p{color:red}", encoding="utf-8")
    else:
        fixed = "collector-2"
    again = cache(site, tmp_path, fixed=fixed)
    assert again.get("fi/aftercare/") is None
    kept = again.get("fi/placement/")
    assert (kept is None) == (change != "the page"), "only the edited page is loaded again"


def test_a_404_page_is_keyed_on_its_languages_404_file(site, tmp_path):
    first = cache(site, tmp_path)
    first.put(visit("fi/nope/"))
    assert cache(site, tmp_path).get("fi/nope/") is not None
    (site / "fi" / "404.html").write_text("<p>toinen</p>", encoding="utf-8")
    assert cache(site, tmp_path).get("fi/nope/") is None


def test_the_cache_can_be_turned_off(site, tmp_path, monkeypatch):
    cache(site, tmp_path).put(visit("fi/aftercare/"))
    monkeypatch.setenv("SWEEP_CACHE", "0")
    assert cache(site, tmp_path).get("fi/aftercare/") is None
