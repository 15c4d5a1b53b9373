"""A partial language's untranslated pages are shown in the full language its locales file
names (fallback_language), not in Swedish (hooks/fallback_notice.py)."""

import importlib.util
import json

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.utils import meta as front_matter

from portal import locales
from helpers import soup
from conftest import CONFIG, ROOT

PARTIAL = [lang.code for lang in CONFIG.languages if not lang.full]


def hook():
    spec = importlib.util.spec_from_file_location("fallback_notice", ROOT / "hooks" / "fallback_notice.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_locales(folder, ru_extra):
    folder.mkdir()
    (folder / "sv.yml").write_text("coverage: full\noutdated_grace_days: 14\nui: {}\nnav: {}\n", encoding="utf-8")
    (folder / "et.yml").write_text("coverage: partial\nfallback_language: sv\noutdated_grace_days: 90\nui: {}\nnav: {}\n",
                                   encoding="utf-8")
    (folder / "ru.yml").write_text(f"coverage: partial\n{ru_extra}outdated_grace_days: 90\nui: {{}}\nnav: {{}}\n",
                                   encoding="utf-8")
    return folder


@pytest.mark.parametrize("extra,complaint", [
    ("", "locales/ru.yml: 'fallback_language' is missing: a partial language names the full language "
         "(sv, fi or en) its untranslated pages are shown in, e.g. 'fallback_language: en'"),
    ("fallback_language: et\n", "locales/ru.yml: 'fallback_language: et' is not a full language of the site: "
                                "name one whose locales file says 'coverage: full' (sv, fi or en)"),
    ("fallback_language: xx\n", "locales/ru.yml: 'fallback_language: xx' is not a full language of the site"),
])
def test_a_partial_language_without_a_full_fallback_fails_the_build(tmp_path, extra, complaint):
    folder = write_locales(tmp_path / "locales", extra)
    with pytest.raises(PluginError) as error:
        hook().fallback_language("ru", folder)
    assert str(error.value).startswith(complaint)


def test_fallback_language_of_full_and_partial_languages(tmp_path):
    folder = write_locales(tmp_path / "locales", "fallback_language: sv\n")
    assert hook().fallback_language("sv", folder) is None
    assert hook().fallback_language("ru", folder) == "sv"


def test_every_partial_language_names_a_full_one_with_a_reason():
    for code in PARTIAL:
        chosen = hook().fallback_language(code, CONFIG.locales_dir)
        assert chosen in ("sv", "fi", "en"), code
        text = locales.path_for(code, CONFIG.locales_dir).read_text(encoding="utf-8")
        before = text.split("\nfallback_language:", 1)[0].rsplit("\n", 1)[-1]
        assert before.startswith("#"), f"{code}: say why in a comment right above fallback_language"


@pytest.mark.parametrize("code", PARTIAL)
def test_untranslated_pages_are_shown_in_the_chosen_language(built_site, config, code):
    shown = locales.load(code, CONFIG.locales_dir)["fallback_language"]
    ui = locales.ui_strings(code, CONFIG.locales_dir)
    for name in ("open-care", "placement"):
        assert not (config.docs_dir / code / f"{name}.md").exists()
        text, meta = front_matter.get_data((config.docs_dir / shown / f"{name}.md").read_text(encoding="utf-8"))
        heading = next(line[2:].split(" {#")[0] for line in text.splitlines() if line.startswith("# "))
        page = soup(built_site / code / name / "index.html")
        content = page.select_one("article .fallback-content")
        assert content["lang"] == shown
        assert content.select_one("h1").get_text(strip=True).rstrip("#") == heading
        assert page.title.get_text().startswith(meta["title"] + " - ")
        assert page.select_one('meta[name="description"]')["content"] == meta["description"]
        # the review date and sources are the shown page's too, in its language and direction
        facts = page.select_one("article .page-facts")
        assert (facts["lang"], facts["dir"]) == (shown, "ltr"), f"{code}/{name}: {facts.attrs}"
        assert facts.select_one("time")["datetime"] == str(meta["last_reviewed"])
        assert [li.get_text(strip=True) for li in facts.select("li")] == [s["title"] for s in meta["sources"]]
        assert locales.ui_strings(shown, CONFIG.locales_dir)["sources"] in facts.get_text()
        notice = page.select_one(".fallback-notice")
        assert ui["fallback_text"] in notice.get_text(" ", strip=True)
        assert [a["hreflang"] for a in notice.select("a[hreflang]")] == ["sv", "fi", "en"]
    index = json.loads((built_site / code / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if d["location"].startswith(("open-care", "placement"))]
