"""The quick exit: it leaves, by click and by Escape twice, tells the exit site nothing
(no Referer), and the Back button does not return to the page it left.

The script leaves by location.replace, which ignores the link's rel=noreferrer; the
page's referrer policy (same-origin, in the head and from deploy/nginx.conf) is what
keeps the Referer off, and replace() is what keeps the page out of the history. The exit
site is stubbed: nothing leaves the machine. (Reaching it with Tab and leaving with Enter:
tests/test_accessibility_browser.py; on screen in Arabic and Persian: tests/test_rtl_browser.py.)
"""

import re

import pytest

from helpers import QUICK_EXITS, leave_by_quick_exit

EXIT = re.compile(r"^https://www\.google\.fi/.*")


@pytest.mark.parametrize("how", QUICK_EXITS)
def test_quick_exit_leaves_sends_no_referer_and_back_does_not_return(server, page_factory, how):
    page = page_factory("fi-FI")
    seen = []

    def exit_site(route):
        seen.append(route.request.headers)
        route.fulfill(status=200, body="neutral", content_type="text/plain")

    page.route(EXIT, exit_site)
    page.goto(server + "fi/")
    page.goto(server + "fi/placement/")
    leave_by_quick_exit(page, how, EXIT)
    assert len(seen) == 1
    assert "referer" not in {k.lower() for k in seen[0]}, seen[0]
    page.go_back()
    assert page.url == server + "fi/"


def test_links_inside_the_site_keep_the_referer(server, page_factory):
    """The language choice on / reads the Referer of links inside the site."""
    page = page_factory("sv-FI")
    page.goto(server + "aftercare/")  # a same-origin navigation started by the page itself
    with page.expect_request(lambda r: "/help-and-contacts/" in r.url) as request:
        page.click("a[href$='help-and-contacts/']")
    assert request.value.headers.get("referer", "").startswith(server)
