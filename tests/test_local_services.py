"""The data of "help where you live" (facts/local-services.yml): the real file is complete and
valid, and the check gives its exact complaint for each broken fixture."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

import check_local_services
from portal import local_services
from conftest import ROOT

TODAY = dt.date(2026, 12, 6)
FIXTURE = """count: 3
municipalities:
  - {fi: Kerava, sv: Kervo}
  - {fi: Vantaa, sv: Vanda}
  - {fi: Jyväskylä}
counties:
  - id: vantaa-kerava
    kind: county
    name: {fi: Vantaan ja Keravan hyvinvointialue, sv: Vanda och Kervo välfärdsområde}
    municipalities: [Kerava, Vantaa]
    site: {url: "https://example.fi/a", source: "https://example.fi/a", checked: 2026-12-01}
    emergency:
      phone: "09 4191 5800"
      hours: after-hours
      url: "https://example.fi/a"
      source: "https://example.fi/a"
      checked: 2026-12-01
    notify: {url: "https://example.fi/a", source: "https://example.fi/a", checked: 2026-12-01}
  - id: keski-suomi
    kind: county
    name: {fi: Keski-Suomen hyvinvointialue, sv: Mellersta Finlands välfärdsområde}
    municipalities: [Jyväskylä]
    site: {url: "https://example.fi/b", source: "https://example.fi/b", checked: 2026-12-01}
    emergency: {url: "https://example.fi/b", source: "https://example.fi/b", checked: 2026-12-01}
    notify: {url: "https://example.fi/b", source: "https://example.fi/b", checked: 2026-12-01}
"""


def check(tmp_path, text, today=TODAY):
    path = tmp_path / "local-services.yml"
    path.write_text(text, encoding="utf-8")
    errors, warnings = local_services.problems(local_services.load(path), today)
    return [e.replace(str(path), "F") for e in errors], [w.replace(str(path), "F") for w in warnings]


def test_the_fixture_passes(tmp_path):
    assert check(tmp_path, FIXTURE) == ([], [])


def test_a_municipality_in_no_county(tmp_path):
    text = FIXTURE.replace("municipalities: [Jyväskylä]", "municipalities: []")
    errors, _ = check(tmp_path, text)
    assert errors == ["F:5: municipality Jyväskylä is in no county; add it to the `municipalities` of its county "
                      "(Act 616/2021 7 §)"]


def test_a_municipality_in_two_counties(tmp_path):
    text = FIXTURE.replace("municipalities: [Jyväskylä]", "municipalities: [Jyväskylä, Kerava]")
    errors, _ = check(tmp_path, text)
    assert errors == ["F:3: municipality Kerava is in 2 counties (vantaa-kerava, keski-suomi); keep it in one"]


def test_a_name_that_is_no_municipality(tmp_path):
    text = FIXTURE.replace("[Jyväskylä]", "[Jyväskylä, Jyvaskyla]")
    errors, _ = check(tmp_path, text)
    assert errors == ["F:19: county keski-suomi lists 'Jyvaskyla', which is not in `municipalities`; fix the "
                      "spelling (the Finnish name) or add the municipality"]


def test_a_value_without_a_source(tmp_path):
    text = FIXTURE.replace('      source: "https://example.fi/a"\n', "")
    errors, _ = check(tmp_path, text)
    assert errors == ["F:13: county vantaa-kerava emergency: no source; add the address of the page that states "
                      "this value"]


def test_a_county_without_a_value(tmp_path):
    text = FIXTURE.replace('    notify: {url: "https://example.fi/b", source: "https://example.fi/b", checked: 2026-12-01}\n', "")
    errors, _ = check(tmp_path, text)
    assert errors == ["F:19: county keski-suomi has no `notify`; add it with url, source and checked"]


def test_a_value_without_a_check_date(tmp_path):
    text = FIXTURE.replace('url: "https://example.fi/b", source: "https://example.fi/b", checked: 2026-12-01}\n    notify',
                           'url: "https://example.fi/b", source: "https://example.fi/b"}\n    notify')
    errors, _ = check(tmp_path, text)
    assert errors == ["F:24: county keski-suomi emergency: no check date (checked: YYYY-MM-DD); read the source "
                      "and add the date"]


def test_a_value_over_six_months_old_is_a_warning(tmp_path):
    text = FIXTURE.replace("site: {url: \"https://example.fi/b\", source: \"https://example.fi/b\", checked: 2026-12-01}",
                           "site: {url: \"https://example.fi/b\", source: \"https://example.fi/b\", checked: 2026-05-01}")
    errors, warnings = check(tmp_path, text)
    assert errors == []
    assert warnings == ["warning: F:23: county keski-suomi site: checked 2026-05-01, 219 days ago, more than 6 months; "
                        "read https://example.fi/b again soon"]


def test_a_value_over_twelve_months_old_fails(tmp_path):
    text = FIXTURE.replace("checked: 2026-12-01\n    notify: {url: \"https://example.fi/a\"",
                           "checked: 2025-12-01\n    notify: {url: \"https://example.fi/a\"")
    errors, warnings = check(tmp_path, text)
    assert warnings == []
    assert errors == ["F:13: county vantaa-kerava emergency: checked 2025-12-01, 370 days ago, more than 12 months; "
                      "read https://example.fi/a again and update the value and the date"]


def test_the_count_must_match(tmp_path):
    errors, _ = check(tmp_path, FIXTURE.replace("count: 3", "count: 309"))
    assert errors == ["F:1: count is 309 but `municipalities` lists 3; list every municipality once, or correct "
                      "`count` from its source"]


def test_the_script_exits_1_and_names_the_file(tmp_path, capsys):
    path = tmp_path / "local-services.yml"
    path.write_text(FIXTURE.replace("municipalities: [Jyväskylä]", "municipalities: []"), encoding="utf-8")
    assert check_local_services.main(["--data", str(path), "--today", "2026-12-06"]) == 1
    out = capsys.readouterr().out
    assert f"{path}:5: municipality Jyväskylä is in no county" in out


# ---------------------------------------------------------------- the real data

@pytest.fixture(scope="module")
def real():
    return local_services.load(ROOT / local_services.DATA)


def test_the_real_data_is_valid_today(real):
    errors, _ = local_services.problems(real, TODAY)
    assert errors == []


def test_the_real_data_covers_finland(real):
    assert len(real.municipalities) == real.count == 309
    assert len(real.counties) == 23  # 21 wellbeing services counties, Helsinki, Åland
    assert sum(c.kind == "county" for c in real.counties) == 21
    assert sorted(len(c.municipalities) for c in real.counties if c.kind != "county") == [1, 16]
    ids = [m.id for m in real.municipalities]
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("typed,county", [
    ("Kerava", "vantaa-kerava"), ("Helsingfors", "helsinki"), ("Vasa", "pohjanmaa"),
    ("Jyväskylä", "keski-suomi"), ("Mariehamn", "aland"), ("Kuhmoinen", "pirkanmaa"),
    ("Heinävesi", "pohjois-karjala"), ("Iitti", "paijat-hame"), ("Isokyrö", "etela-pohjanmaa"),
    ("S:t Karins", "varsinais-suomi"),
])
def test_municipalities_are_in_their_county(real, typed, county):
    found = [m for m in real.municipalities if typed in m.names]
    assert len(found) == 1
    assert real.county_of(found[0]).id == county


def test_phone_numbers_are_written_as_finnish_numbers(real):
    for c in real.counties:
        for key in ("emergency", "notify"):
            phone = (c.values[key] or {}).get("phone")
            if phone:
                assert phone.startswith("0") and set(phone) <= set("0123456789 "), (c.id, phone)
                assert local_services.tel(phone).startswith("tel:+358")


def test_fold_and_slug():
    assert local_services.fold("JYVÄSKYLÄ") == "jyvaskyla"
    assert local_services.slug("Koski Tl") == "koski-tl"
    assert local_services.slug("Mänttä-Vilppula") == "mantta-vilppula"
    assert local_services.tel("019 5600 150") == "tel:+358195600150"


def test_the_check_is_in_the_one_list_of_checks():
    from portal import checks
    assert "scripts/check_local_services.py" in checks.SOURCE_CHECKS


def test_the_check_runs_on_the_real_data():
    done = subprocess.run([sys.executable, "scripts/check_local_services.py", "--today", "2026-12-06"],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout
    assert "309 municipalities in 23 counties" in done.stdout
