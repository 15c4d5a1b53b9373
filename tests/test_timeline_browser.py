"""The timelines "what happens, and when?" (issue #16) in Chromium.

At 390 px and 1280 px, in sv, fi and ar: the steps are a real <ol> inside .timeline,
visible inside the viewport, nothing overflows sideways on a phone, and in Arabic the
numbered markers are on the right side of the steps (on the left in sv and fi).

Their content (a numbered list of steps with a bold title, a time limit and a link; in
every language the source's steps, numbers and links) is the content lint's
(scripts/lint_content.py, tests/test_lint_content.py), so `make check` tells editors.
"""

from __future__ import annotations

import pytest

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
