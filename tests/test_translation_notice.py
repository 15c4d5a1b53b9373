"""An outdated translation shows a notice in its own language; editors get a status page."""

import dataclasses

import check_translations
from helpers import soup, write_fixture_docs

from conftest import build_site


def test_outdated_translation_shows_a_notice_and_the_status_page_lists_it(tmp_path, config):
    languages = ["sv", "fi", "en"]
    docs = write_fixture_docs(tmp_path, config, languages=languages)
    fixture = dataclasses.replace(config, docs_dir=docs)
    for code, name, path in check_translations.docs_model.iter_pages(docs, config.codes):
        if code != config.default:
            check_translations.stamp(path, fixture)
    source = docs / config.default / "aftercare.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nNew fact.\n", encoding="utf-8")

    out = tmp_path / "site"
    result = build_site(out, docs, languages)
    assert result.returncode == 0, result.stdout + result.stderr

    notice = soup(out / "fi" / "aftercare" / "index.html").select_one(".admonition.warning")
    assert notice is not None
    assert notice.select_one(".admonition-title").get_text(strip=True) == "Käännös voi olla vanhentunut"
    assert notice.select_one("a")["href"] == config.site_url + "aftercare/"
    assert soup(out / "en" / "aftercare" / "index.html").select_one(".admonition.warning .admonition-title").get_text(
        strip=True) == "This translation may be out of date"
    assert soup(out / "fi" / "placement" / "index.html").select_one(".admonition.warning") is None
    assert soup(out / "aftercare" / "index.html").select_one(".admonition.warning") is None

    status = soup(out / "translation-status" / "index.html")
    rows = {tr.th.get_text(): [td["class"][0] for td in tr.select("td")] for tr in status.select("tbody tr")}
    assert rows["aftercare.md"][:3] == ["state-source", "state-outdated", "state-outdated"]
    assert rows["placement.md"][:3] == ["state-source", "state-up-to-date", "state-up-to-date"]
    # an outdated cell says since when and until when; nobody has checked a translation yet
    cell = status.select("tbody tr")[[tr.th.get_text() for tr in status.select("tbody tr")].index("aftercare.md")]
    text = cell.select("td")[1].get_text(" ", strip=True)
    assert "since unknown, until" in text and "native speaker: not checked" in text, text
