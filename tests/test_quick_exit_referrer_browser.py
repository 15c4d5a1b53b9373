"""The quick exit tells the exit site nothing: no Referer, by click and by Escape twice.

The script leaves by location.replace, which ignores the link's rel=noreferrer; the
page's referrer policy (same-origin, in the head and from deploy/nginx.conf) is what
keeps the Referer off. The exit site is stubbed: nothing leaves the machine.
"""

import re

import pytest

from helpers import QUICK_EXITS, leave_by_quick_exit

EXIT = re.compile(r"^https://www\.google\.fi/.*")


@pytest.mark.parametrize("how", QUICK_EXITS)
def test_quick_exit_sends_no_referer(server, page_factory, how):
    page = page_factory("sv-FI")
    seen = []

    def exit_site(route):
        seen.append(route.request.headers)
        route.fulfill(status=200, body="neutral", content_type="text/plain")

    page.route(EXIT, exit_site)
    page.goto(server + "aftercare/")
    leave_by_quick_exit(page, how, EXIT)
    assert len(seen) == 1
    assert "referer" not in {k.lower() for k in seen[0]}, seen[0]


def test_links_inside_the_site_keep_the_referer(server, page_factory):
    """The language choice on / reads the Referer of links inside the site."""
    page = page_factory("sv-FI")
    page.goto(server + "aftercare/")
    with page.expect_request(lambda r: r.url.rstrip("/").endswith("/fi/aftercare")) as request:
        page.goto(server + "fi/aftercare/", referer=server + "aftercare/")
    # a same-origin navigation started by the page itself
    page.goto(server + "aftercare/")
    with page.expect_request(lambda r: "/help-and-contacts/" in r.url) as request:
        page.click("a[href$='help-and-contacts/']")
    assert request.value.headers.get("referer", "").startswith(server)
