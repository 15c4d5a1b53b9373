"""The order in which the two pytest-xdist workers take the work (tests/conftest.py,
pytest_collection_modifyitems; pytest.ini turns xdist's own reordering off)."""

from xdist.scheduler.loadscope import LoadScopeScheduling

from conftest import xdist_scope


def test_the_scopes_are_the_ones_xdist_keeps_in_one_worker(request):
    ids = [item.nodeid for item in request.session.items]
    assert ids
    # xdist's own rule (a method that uses nothing of its instance): an upgrade that
    # changes it shows here
    assert [xdist_scope(i) for i in ids] == [LoadScopeScheduling._split_scope(None, i) for i in ids]
    assert xdist_scope("tests/test_every_page_browser.py::TestEveryPage_fi::test_privacy") == \
        "tests/test_every_page_browser.py::TestEveryPage_fi"
    assert xdist_scope("tests/test_redirects.py::test_x[a]") == "tests/test_redirects.py"


def test_the_slow_repository_copy_comes_first_and_no_scope_is_split(request):
    items = request.session.items
    if any(item.get_closest_marker("slow") for item in items):
        assert items[0].get_closest_marker("slow"), items[0].nodeid
    runs = []  # the scopes in order, one entry per run of consecutive tests
    for item in items:
        scope = xdist_scope(item.nodeid)
        if not runs or runs[-1] != scope:
            runs.append(scope)
    split = sorted({scope for scope in runs if runs.count(scope) > 1})
    assert split == [], f"scopes whose tests are not together: {split}"
