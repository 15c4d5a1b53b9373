"""The menu stays closed when the reader comes back to a page.

overrides/base.html (a fork of Material's) gives the drawer and search toggles no
autocomplete="off" (invalid on a checkbox) but puts them in an empty form with
autocomplete="off": the browser must still not restore them as it restores other
checkboxes, or "back" would show the page with the menu open over it.
"""

STATE = "['__drawer', '__search', '__toc'].map(id => document.getElementById(id).checked)"


def test_back_does_not_reopen_the_menu(server, page_factory):
    page = page_factory("sv-FI", viewport={"width": 390, "height": 800})
    page.goto(server + "aftercare/")
    page.click("label.md-header__button[for=__drawer]")
    page.evaluate("document.getElementById('__search').click(); document.getElementById('__toc').click()")
    assert page.evaluate(STATE) == [True, True, True]

    page.goto(server + "glossary/")
    page.go_back()
    page.wait_for_load_state()

    # __toc is Material's plain checkbox: restored, so the browser did restore form state
    assert page.evaluate(STATE) == [False, False, True]
