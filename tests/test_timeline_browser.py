"""The timelines "what happens, and when?" (issue #16): a real <ol> in <div class="timeline">.

In the built HTML of every language (no browser): the list is an <ol> inside .timeline, it
has as many steps as the Swedish source, every step has a bold title, a time-limit badge
with the same numbers as in Swedish, and a link to a page and section that exist.

In Chromium at 390 px and 1280 px, in sv, fi and ar: the steps are visible inside the
viewport, nothing overflows sideways on a phone, and in Arabic the numbered markers are on
the right side of the steps (on the left in sv and fi).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from helpers import soup

# page address (without language prefix) -> the id of the heading above its timeline
TIMELINES = {
    "child-welfare-notification/": "timeline",
    "child-welfare-in-brief/": "timeline",
    "aftercare/": "aftercare-timeline",
}
NUMBER = re.compile(r"\d+")


def _page_file(site: Path, address: str) -> Path:
    """site/<address>/index.html for a site-relative address like 'fi/aftercare/'."""
    return site / address.strip("/") / "index.html" if address.strip("/") else site / "index.html"


def timeline_steps(site: Path, address: str, heading_id: str) -> tuple[list[dict], list[str]]:
    """([{'title', 'time', 'links'} per step], [problems]) for the timeline under #heading_id."""
    problems: list[str] = []
    page = _page_file(site, address)
    if not page.is_file():
        return [], [f"{address}: page not built"]
    doc = soup(page)
    heading = doc.find(id=heading_id)
    if heading is None:
        return [], [f"{address}: no heading #{heading_id}"]
    block = heading.find_next(class_="timeline")
    if block is None:
        return [], [f"{address}#{heading_id}: no .timeline block after the heading"]
    lists = block.find_all(["ol", "ul"], recursive=False)
    if not lists or lists[0].name != "ol":
        return [], [f"{address}#{heading_id}: the steps are not an <ol> directly inside .timeline"]
    steps = []
    for n, li in enumerate(lists[0].find_all("li", recursive=False), start=1):
        title = li.find("strong")
        badge = li.find(class_="timeline-time")
        if title is None or not title.get_text(strip=True):
            problems.append(f"{address}#{heading_id}: step {n} has no bold title")
        if badge is None or not badge.get_text(strip=True):
            problems.append(f"{address}#{heading_id}: step {n} has no time limit (.timeline-time)")
        links = [a["href"] for a in li.find_all("a", href=True) if "headerlink" not in (a.get("class") or [])]
        if not links:
            problems.append(f"{address}#{heading_id}: step {n} links to nothing")
        for href in links:
            problem = _broken(site, address, href)
            if problem:
                problems.append(f"{address}#{heading_id}: step {n}: {problem}")
        steps.append({
            "title": title.get_text(" ", strip=True) if title else "",
            "time": badge.get_text(" ", strip=True) if badge else "",
            "links": links,
        })
    if not steps:
        problems.append(f"{address}#{heading_id}: the <ol> has no steps")
    return steps, problems


def _broken(site: Path, address: str, href: str) -> str | None:
    """Why a link from site/<address> does not reach a built page and section, or None."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return f"link {href!r} leaves the site"
    target = urlsplit(urljoin("/" + address, href))
    path = unquote(target.path).lstrip("/")
    page = site / path / "index.html" if not path.endswith(".html") else site / path
    if not page.is_file():
        return f"link {href!r} points to /{path}, which is not built"
    if target.fragment and soup(page).find(id=target.fragment) is None:
        return f"link {href!r}: /{path} has no section #{target.fragment}"
    return None


def _languages(config, site: Path, slug: str) -> list[tuple[str, str]]:
    """[(code, site-relative address)] of the languages that have the page, sv first."""
    out = []
    for code in config.codes:
        address = slug if code == config.default else f"{code}/{slug}"
        if _page_file(site, address).is_file():
            out.append((code, address))
    out.sort(key=lambda item: item[0] != config.default)
    return out


# --- the built HTML, all languages -------------------------------------------------------


@pytest.mark.parametrize("slug", list(TIMELINES))
def test_timeline_in_every_language_matches_swedish(built_site, config, slug):
    heading_id = TIMELINES[slug]
    languages = _languages(config, built_site, slug)
    assert [c for c, _ in languages][:1] == [config.default]
    assert len(languages) == len(config.codes), "every language has this page"
    source, problems = timeline_steps(built_site, languages[0][1], heading_id)
    assert not problems, problems
    assert len(source) >= 3
    for code, address in languages[1:]:
        steps, found = timeline_steps(built_site, address, heading_id)
        problems += found
        if len(steps) != len(source):
            problems.append(f"{address}: {len(steps)} steps, Swedish has {len(source)}")
            continue
        for n, (mine, theirs) in enumerate(zip(steps, source), start=1):
            if NUMBER.findall(mine["time"]) != NUMBER.findall(theirs["time"]):
                problems.append(f"{address}: step {n} time limit {mine['time']!r} has other numbers than {theirs['time']!r}")
            if mine["links"] != theirs["links"]:
                problems.append(f"{address}: step {n} links {mine['links']} differ from Swedish {theirs['links']}")
    assert not problems, "\n".join(problems)


def test_the_notification_timeline_has_the_legal_time_limits(built_site):
    steps, problems = timeline_steps(built_site, "child-welfare-notification/", "timeline")
    assert not problems
    numbers = [NUMBER.findall(step["time"]) for step in steps]
    assert ["7"] in numbers and ["3"] in numbers and ["30", "30"] in numbers and ["5", "23"] in numbers


# --- the checks themselves fail on a broken timeline --------------------------------------

GOOD_STEP = '<li><p><strong>Anmälan</strong> <span class="timeline-time">Start</span> <a href="../other/#sec">x</a></p></li>'


def _fixture(tmp_path: Path, body: str) -> Path:
    site = tmp_path / "site"
    (site / "page").mkdir(parents=True)
    (site / "other").mkdir()
    (site / "other" / "index.html").write_text('<html><body><h2 id="sec">S</h2></body></html>', encoding="utf-8")
    (site / "page" / "index.html").write_text(
        f'<html><body><h2 id="timeline">T</h2>{body}</body></html>', encoding="utf-8")
    return site


def test_the_check_accepts_a_good_timeline(tmp_path):
    site = _fixture(tmp_path, f'<div class="timeline"><ol>{GOOD_STEP}</ol></div>')
    steps, problems = timeline_steps(site, "page/", "timeline")
    assert problems == []
    assert steps == [{"title": "Anmälan", "time": "Start", "links": ["../other/#sec"]}]


def test_the_check_complains_about_a_bulleted_list(tmp_path):
    site = _fixture(tmp_path, f'<div class="timeline"><ul>{GOOD_STEP}</ul></div>')
    assert timeline_steps(site, "page/", "timeline")[1] == [
        "page/#timeline: the steps are not an <ol> directly inside .timeline"]


def test_the_check_complains_about_a_list_outside_the_block(tmp_path):
    site = _fixture(tmp_path, f'<ol>{GOOD_STEP}</ol>')
    assert timeline_steps(site, "page/", "timeline")[1] == [
        "page/#timeline: no .timeline block after the heading"]


def test_the_check_complains_about_a_step_without_badge_title_or_working_link(tmp_path):
    step = '<li><p>Anmälan <a href="../other/#missing">x</a> <a href="../gone/">y</a></p></li><li><p><strong>B</strong> <span class="timeline-time">1</span></p></li>'
    site = _fixture(tmp_path, f'<div class="timeline"><ol>{step}</ol></div>')
    assert timeline_steps(site, "page/", "timeline")[1] == [
        "page/#timeline: step 1 has no bold title",
        "page/#timeline: step 1 has no time limit (.timeline-time)",
        "page/#timeline: step 1: link '../other/#missing': /other/ has no section #missing",
        "page/#timeline: step 1: link '../gone/' points to /gone/, which is not built",
        "page/#timeline: step 2 links to nothing",
    ]


# --- in Chromium: visible, no overflow, mirrored in Arabic ---------------------------------

MEASURE = """(id) => {
  const heading = document.getElementById(id);
  let block = heading;
  while (block && !(block.classList && block.classList.contains('timeline'))) block = block.nextElementSibling;
  const ol = block && block.querySelector(':scope > ol');
  if (!ol) return null;
  const items = [...ol.children].map(li => {
    const box = li.getBoundingClientRect();
    const marker = getComputedStyle(li, '::before');
    const left = parseFloat(marker.left), width = parseFloat(marker.width);
    const text = li.querySelector('p').getBoundingClientRect();
    const badge = li.querySelector('.timeline-time').getBoundingClientRect();
    return {
      tag: li.tagName, left: box.left, right: box.right, top: box.top,
      markerCenter: box.left + left + width / 2, markerContent: marker.content,
      textLeft: text.left, textRight: text.right,
      badgeLeft: badge.left, badgeRight: badge.right, badgeWidth: badge.width,
      visible: box.width > 0 && box.height > 0 && getComputedStyle(li).visibility === 'visible',
    };
  });
  return {
    parentIsTimeline: ol.parentElement.classList.contains('timeline'),
    listStyle: getComputedStyle(ol).listStyleType,
    direction: getComputedStyle(ol).direction,
    scrollWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    items,
  };
}"""


@pytest.mark.parametrize("width", [390, 1280])
def test_timeline_in_the_browser(server, page_factory, width):
    page = page_factory("sv-FI", viewport={"width": width, "height": 900})
    counts = {}
    for code, prefix in (("sv", ""), ("fi", "fi/"), ("ar", "ar/")):
        page.goto(server + prefix + "child-welfare-notification/")
        m = page.evaluate(MEASURE, "timeline")
        assert m is not None, f"{code}: no <ol> in .timeline under #timeline"
        assert m["parentIsTimeline"]
        counts[code] = len(m["items"])
        assert m["direction"] == ("rtl" if code == "ar" else "ltr"), code
        if width == 390:
            assert m["scrollWidth"] <= m["viewport"], f"{code}: the page scrolls sideways at {width} px"
        tops = [item["top"] for item in m["items"]]
        assert tops == sorted(tops), f"{code}: the steps are not shown in order"
        for n, item in enumerate(m["items"], start=1):
            where = f"{code} {width} px step {n}"
            assert item["visible"], where
            assert "counter(timeline-step)" in item["markerContent"], f"{where}: no number in the marker"
            assert 0 <= item["left"] and item["right"] <= m["viewport"], f"{where}: outside the viewport {item}"
            assert 0 <= item["badgeLeft"] and item["badgeRight"] <= m["viewport"], f"{where}: badge outside {item}"
            middle = (item["left"] + item["right"]) / 2
            if code == "ar":
                assert item["markerCenter"] > middle, f"{where}: the marker should be on the right {item}"
                assert item["textRight"] <= item["markerCenter"], f"{where}: text runs over the marker {item}"
            else:
                assert item["markerCenter"] < middle, f"{where}: the marker should be on the left {item}"
                assert item["textLeft"] >= item["markerCenter"], f"{where}: text runs over the marker {item}"
    assert len(set(counts.values())) == 1, f"different numbers of steps: {counts}"
