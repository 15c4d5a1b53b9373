"""The one guard for "after every language is built" (portal/i18n_state.py), without a build.

mkdocs-static-i18n builds the default language, and from that build's on_post_build
(priority -100) every other language, setting `building` meanwhile. A handler wrapped in
after_every_language runs once, after the last language, however many there are.
"""

from __future__ import annotations

from types import SimpleNamespace

import mkdocs.plugins
import pytest
from mkdocs_static_i18n.plugin import I18n

from portal import i18n_state


def config(building: bool = False):
    return SimpleNamespace(plugins={"i18n": SimpleNamespace(building=building)})


def test_the_handler_runs_when_every_language_is_built():
    calls = []

    @i18n_state.after_every_language(-250)
    def on_post_build(config):
        calls.append(config)
        return "done"

    live = config(building=False)
    assert on_post_build(live) == "done"
    assert calls == [live]


def test_the_handler_does_not_run_in_one_languages_build():
    calls = []

    @i18n_state.after_every_language()
    def on_post_build(config):
        calls.append(config)

    assert on_post_build(config(building=True)) is None
    assert calls == []


def test_it_sets_the_priority_mkdocs_reads_and_marks_the_handler():
    @i18n_state.after_every_language(-260)
    def on_post_build(config):
        """Writes something."""

    assert on_post_build.mkdocs_priority == -260
    assert on_post_build.after_every_language is True
    assert (on_post_build.__name__, on_post_build.__doc__) == ("on_post_build", "Writes something.")
    assert i18n_state.after_every_language()(lambda config: None).mkdocs_priority == -200


@pytest.mark.parametrize("priority", [-100, 0, 100])
def test_a_priority_at_or_above_the_plugins_is_refused(priority):
    with pytest.raises(ValueError) as error:
        i18n_state.after_every_language(priority)
    assert str(error.value) == (
        f"after_every_language({priority}): the priority must be below -100, the i18n plugin's on_post_build "
        f"that builds the other languages; before it only the default language is built")


def test_the_plugins_priority_is_the_one_the_guard_relies_on():
    assert I18n.on_post_build.mkdocs_priority == i18n_state.I18N_BUILDS_OTHERS == -100


def test_first_language_build():
    assert i18n_state.first_language_build(config(building=False)) is True
    assert i18n_state.first_language_build(config(building=True)) is False


class FakeI18n(mkdocs.plugins.BasePlugin):
    """What mkdocs-static-i18n does after the default language's build: the other
    languages' builds, each running every on_post_build, with `building` set."""

    def __init__(self, collection, languages):
        self.collection, self.languages, self.building = collection, languages, False
        self.built = languages[:1]  # the default language's build is the one under way

    @mkdocs.plugins.event_priority(-100)
    def on_post_build(self, config):
        if self.building:
            return
        self.building = True
        for lang in self.languages[1:]:
            self.built.append(lang)
            self.collection.on_post_build(config=config)
        self.building = False


def test_under_mkdocs_dispatch_it_runs_once_after_the_last_language():
    """MkDocs' own event dispatch (PluginCollection), as in a build of three languages."""
    collection = mkdocs.plugins.PluginCollection()
    plugin = FakeI18n(collection, ["sv", "fi", "en"])
    seen, every_time = [], []
    live = SimpleNamespace(plugins={"i18n": plugin})

    @i18n_state.after_every_language()
    def on_post_build(config):
        seen.append(list(plugin.built))

    @mkdocs.plugins.event_priority(-200)
    def unguarded(config):
        every_time.append(1)

    collection["i18n"] = plugin
    collection["hooks/site_wide.py"] = SimpleNamespace(on_post_build=on_post_build)
    collection["hooks/unguarded.py"] = SimpleNamespace(on_post_build=unguarded)
    collection.on_post_build(config=live)
    assert seen == [["sv", "fi", "en"]]
    assert len(every_time) == 3  # what the guard spares: once per language
