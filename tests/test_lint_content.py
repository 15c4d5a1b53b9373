"""Content lint: each fault in a fixture gives its exact complaint."""

import datetime as dt

import lint_content
import pytest
from portal import site_config
from conftest import CONFIG

TODAY = dt.date(2026, 11, 23)
GOOD = """---
title: Eftervård
description: Om eftervård.
last_reviewed: 2026-11-01
sources:
  - title: Lag
    url: https://www.finlex.fi/sv/laki/ajantasa/2007/20070417
---

# Eftervård

Du får hjälp. Det är gratis.
"""
TERMS = {"sv": {"forbidden": {"orosanmälan": "barnskyddsanmälan", "LVU": "omhändertagande"}}}


def lint_page(tmp_path, text, name="aftercare.md", max_age=365):
    (tmp_path / "docs" / "sv" / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "docs" / "sv" / name).write_text(text, encoding="utf-8")
    config = site_config.SiteConfig("https://x.example/", tmp_path / "docs", tmp_path / "site",
                                    [site_config.Language("sv", "Svenska", default=True)])
    return lint_content.lint(config, tmp_path, TODAY, max_age, TERMS)


def test_a_good_page_passes(tmp_path):
    f = lint_page(tmp_path, GOOD)
    assert (f.errors, f.warnings) == ([], [])


def test_missing_front_matter_key(tmp_path):
    f = lint_page(tmp_path, GOOD.replace("description: Om eftervård.\n", ""))
    assert f.errors == ["docs/sv/aftercare.md:1: front matter lacks 'description:'; every page needs title, description, last_reviewed, sources"]


@pytest.mark.parametrize("value,message", [
    ("23.11.2026", "docs/sv/aftercare.md:4: last_reviewed must be a date like 2026-11-23, not '23.11.2026'"),
    ("2026-12-24", "docs/sv/aftercare.md:4: last_reviewed 2026-12-24 is in the future"),
])
def test_bad_review_date(tmp_path, value, message):
    f = lint_page(tmp_path, GOOD.replace("2026-11-01", value))
    assert f.errors == [message]


def test_old_review_date_is_a_warning(tmp_path):
    f = lint_page(tmp_path, GOOD.replace("2026-11-01", "2025-01-01"))
    assert f.errors == []
    assert f.warnings == ["docs/sv/aftercare.md:4: last reviewed 2025-01-01, over 365 days ago; review the page and update the date"]


def test_unparseable_front_matter_names_the_line(tmp_path):
    f = lint_page(tmp_path, GOOD.replace("title: Eftervård", "title: [Eftervård"))
    assert len(f.errors) == 1 and f.errors[0].startswith("docs/sv/aftercare.md:")
    assert "front matter is not valid YAML" in f.errors[0]


def test_source_without_https(tmp_path):
    f = lint_page(tmp_path, GOOD.replace("https://www.finlex", "http://www.finlex"))
    assert "docs/sv/aftercare.md:5: source 1 url must start with https:// ('http://www.finlex.fi/sv/laki/ajantasa/2007/20070417')" in f.errors


def test_forbidden_term_and_its_inflection(tmp_path):
    f = lint_page(tmp_path, GOOD + "\nGör en orosanmälan. Två orosanmälningar.\nEnligt LVU.\n")
    assert f.errors == [
        "docs/sv/aftercare.md:14: 'orosanmälan' is not used on this site; write barnskyddsanmälan "
        "(or list it in 'allow_terms:' if the page discusses it on purpose)",
        "docs/sv/aftercare.md:15: 'LVU' is not used on this site; write omhändertagande "
        "(or list it in 'allow_terms:' if the page discusses it on purpose)",
    ]


def lint_terms(tmp_path, lang, line):
    """The termbase errors of one line of prose in a page of `lang`, with the real termbase."""
    (tmp_path / "docs" / lang).mkdir(parents=True)
    (tmp_path / "docs" / lang / "aftercare.md").write_text(GOOD + f"\n{line}\n", encoding="utf-8")
    config = site_config.SiteConfig("https://x.example/", tmp_path / "docs", tmp_path / "site",
                                    [site_config.Language(lang, lang, default=True)])
    return lint_content.lint(config, tmp_path, TODAY, 365, lint_content.load_termbase([lang], CONFIG.locales_dir)).errors


@pytest.mark.parametrize("lang, line, term", [
    # a Swedish plural in -ningar of a term in -an: it does not start with the term as written
    ("sv", "Det kom två orosanmälningar.", "orosanmälan"),
    ("sv", "Orosanmälningarna ska inte göras.", "orosanmälan"),
    ("sv", "Skriv till socialombudsmännen.", "socialombudsman"),
    ("sv", "Socialsekreterarna hjälper.", "socialsekreterare"),
    # Finnish: the consonant that alternates before the ending (nt: nn), and -s: -ksen
    ("fi", "Sosiaalilautakunnan päätös.", "sosiaalilautakunta"),
    ("fi", "Kysy sosiaaliasiamieheltä.", "sosiaaliasiamies"),
    ("fi", "Lastensuojelun tarpeen selvityksen aikana.", "lastensuojelun tarpeen selvitys"),
    ("en", "Ask the social welfare ombudsmen.", "social welfare ombudsman"),
    ("en", "two reports of concern", None),  # an inflected word that is not the last: list it as a term
])
def test_a_forbidden_term_is_found_in_its_inflected_forms(tmp_path, lang, line, term):
    errors = lint_terms(tmp_path, lang, line)
    if term is None:
        assert errors == []
        return
    assert len(errors) == 1 and errors[0].startswith(f"docs/{lang}/aftercare.md:14: '{term}' is not used on this "
                                                     f"site; write "), errors


@pytest.mark.parametrize("lang, line", [
    ("sv", "Ring socialombudet. Det jourhavande socialarbetaren svarar."),  # socialombudsman, jourhem
    ("sv", "Socialtjänster för vuxna. På Åland: Kommunernas socialtjänst."),  # socialtjänsten: written definite
    ("sv", "Enligt lvu-lagen."),  # an acronym is matched as written, in capitals
    ("fi", "Sosiaaliasiavastaava neuvoo. Hyvinvointialueen sosiaalityö."),
])
def test_the_stem_of_a_term_finds_no_other_word(tmp_path, lang, line):
    assert lint_terms(tmp_path, lang, line) == []


def test_forbidden_term_allowed_on_a_page_that_discusses_it(tmp_path):
    text = GOOD.replace("---\n\n#", "allow_terms: [orosanmälan]\n---\n\n#") + "\nI Sverige heter det orosanmälan.\n"
    assert lint_page(tmp_path, text).errors == []


@pytest.mark.parametrize("snippet,message", [
    ("<script>alert(1)</script>", "raw <script> in content; page behaviour belongs in overrides/"),
    ('<iframe src="https://x"></iframe>', "raw <iframe> in content; embeds load third-party pages"),
    ('<span onclick="x()">a</span>', "inline event handler (on...=) in content; use overrides/"),
    ("[x](http://example.org/)", "http:// link; use https://"),
])
def test_unsafe_markup(tmp_path, snippet, message):
    f = lint_page(tmp_path, GOOD + "\n" + snippet + "\n")
    assert f.errors == [f"docs/sv/aftercare.md:14: {message}"]


def test_hard_to_read_topic_page_gets_a_readability_warning(tmp_path):
    hard = ("Barnskyddslagstiftningens tillämpningsområde omfattar välfärdsområdenas "
            "socialvårdsmyndigheters samarbetsskyldigheter beträffande familjerehabiliteringsverksamhet, "
            "eftervårdsarrangemang samt omhändertagandeförfarandenas rättssäkerhetsgarantier. ") * 5
    f = lint_page(tmp_path, GOOD + "\n" + hard + "\n")
    assert f.errors == []
    assert len(f.warnings) == 1
    assert f.warnings[0].startswith("docs/sv/aftercare.md: readability: LIX ")
    assert f.warnings[0].endswith("is above the target 40; shorter sentences and words help")


# Two sentences of 24 words with many long words: 55 words in 5 sentences (the title and
# the two short ones of GOOD count), 11.0 words a sentence, LIX 46.
OVER_LONG = ("Du har rätt till eftervård efter att den placering utanför hemmet som välfärdsområdet "
             "beslutade om har upphört, om placeringen varade minst 6 månader utan avbrott. ") * 2


def test_easy_page_is_reported_and_passes(tmp_path):
    f = lint_page(tmp_path, GOOD, name="easy/aftercare.md")
    assert (f.errors, f.warnings) == ([], [])
    assert f.report == ["docs/sv/easy/aftercare.md: easy page: LIX 17 (target 30), 2.3 words per sentence "
                        "(at most 10), 7 words"]


def test_over_long_easy_page_fails(tmp_path):
    f = lint_page(tmp_path, GOOD + "\n" + OVER_LONG + "\n", name="easy/aftercare.md")
    assert f.errors == [
        "docs/sv/easy/aftercare.md: easy-language page: LIX 46 is above the easy target 30; "
        "use shorter sentences and everyday words",
        "docs/sv/easy/aftercare.md: easy-language page: 11.0 words per sentence on average, above 10; "
        "one idea per sentence",
    ]


def test_the_same_text_on_a_topic_page_is_only_a_warning(tmp_path):
    f = lint_page(tmp_path, GOOD + "\n" + OVER_LONG + "\n")
    assert f.errors == []
    assert f.warnings == ["docs/sv/aftercare.md: readability: LIX 46 is above the target 40; "
                          "shorter sentences and words help"]


def test_easy_page_has_no_collapsed_blocks(tmp_path):
    f = lint_page(tmp_path, GOOD + '\n??? note "Mer"\n    Text.\n', name="easy/aftercare.md")
    assert f.errors == ["docs/sv/easy/aftercare.md:14: easy-language page: collapsed block (???); "
                        "show the text, use !!! or a plain paragraph"]


def test_lix_of_plain_text():
    # 6 words, 2 sentences, 1 long word (> 6 letters): 3 + 100/6
    score, words = lint_content.lix("Du får hjälp. Eftervården är gratis.")
    assert words == 6 and round(score, 1) == 19.7


def test_real_docs_pass():
    f = lint_content.lint(CONFIG, CONFIG.root, dt.date.today())
    assert f.errors == []


TRANSLATED = GOOD.replace("---\n\n#", "translated_from: sv\ntranslated_on: 2026-11-20\n---\n\n#")


def lint_partial(tmp_path, text):
    for code in ("sv", "ru"):
        (tmp_path / "docs" / code).mkdir(parents=True, exist_ok=True)
    (tmp_path / "docs" / "sv" / "aftercare.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "docs" / "ru" / "aftercare.md").write_text(text, encoding="utf-8")
    config = site_config.SiteConfig("https://x.example/", tmp_path / "docs", tmp_path / "site",
                                    [site_config.Language("sv", "Svenska", default=True),
                                     site_config.Language("ru", "Русский", full=False)])
    return lint_content.lint(config, tmp_path, TODAY, termbase={})


def test_partial_language_page_records_its_translation(tmp_path):
    assert lint_partial(tmp_path, TRANSLATED).errors == []


@pytest.mark.parametrize("old, new, message", [
    ("translated_from: sv\n", "", "docs/ru/aftercare.md:1: front matter lacks 'translated_from:'; a page in a "
     "partial language names the language it was translated from (sv)"),
    ("translated_from: sv", "translated_from: ru", "docs/ru/aftercare.md:8: translated_from: 'ru' is not a full "
     "language; use one of sv"),
    ("translated_on: 2026-11-20\n", "", "docs/ru/aftercare.md:1: front matter lacks 'translated_on:'; give the "
     "translation date like 2026-11-23"),
    ("2026-11-20", "20.11.2026", "docs/ru/aftercare.md:9: translated_on must be a date like 2026-11-23, "
     "not '20.11.2026'"),
    ("2026-11-20", "2026-12-01", "docs/ru/aftercare.md:9: translated_on 2026-12-01 is in the future"),
])
def test_partial_language_page_without_translation_record(tmp_path, old, new, message):
    assert lint_partial(tmp_path, TRANSLATED.replace(old, new)).errors == [message]


@pytest.mark.parametrize("lang, line, phrase", [
    ("sv", "Beslutet kommer inom sju arbetsdagar.", "sju arbetsdagar"),
    ("fi", "Päätös tulee seitsemän arkipäivän kuluessa.", "seitsemän arkipäivän"),
    ("en", "The decision comes within seven working days.", "seven working days"),
])
def test_a_number_a_reader_acts_on_is_written_as_digits(tmp_path, lang, line, phrase):
    (tmp_path / "docs" / lang).mkdir(parents=True)
    (tmp_path / "docs" / lang / "aftercare.md").write_text(GOOD + f"\n{line}\n", encoding="utf-8")
    config = site_config.SiteConfig("https://x.example/", tmp_path / "docs", tmp_path / "site",
                                    [site_config.Language(lang, lang, default=True)])
    f = lint_content.lint(config, tmp_path, TODAY, 365, {})
    assert f.errors == [f"docs/{lang}/aftercare.md:14: '{phrase}': write the number as digits, as every language "
                        f"does (a reader acts on it, and the fact check compares digits)"]


@pytest.mark.parametrize("line,term", [
    # huostaanotto as "taking guardianship": parents keep guardianship (huoltaja)
    ("کودک [تحت سرپرستی گرفته شد](glossary.md#taking-into-care).", "تحت سرپرستی"),
    # sijoitus as "replacement"
    ("چگونه جایگزین شدید؟", "جایگزین شد"),
    ("جایگزینی فوری 30 روز اعتبار دارد.", "جایگزینی"),
    ("کودکانِ جایگزین‌شده در خانهٔ کودکان زندگی می‌کنند.", "جایگزین‌شد"),
    ("منطقهٔ رفاهی او را در خارج از خانه جایگزین کند.", "جایگزین کن"),
    # perhetyö as "household work"
    ("کار خانوادگی (perhetyö) در خانه داده می‌شود.", "کار خانوادگی"),
])
def test_persian_termbase_keeps_out_the_misleading_renderings(tmp_path, line, term):
    for code in ("sv", "fa"):
        (tmp_path / "docs" / code).mkdir(parents=True)
    (tmp_path / "docs" / "sv" / "aftercare.md").write_text(GOOD, encoding="utf-8")
    text = TRANSLATED + "\n" + line + "\n"
    (tmp_path / "docs" / "fa" / "aftercare.md").write_text(text, encoding="utf-8")
    config = site_config.SiteConfig("https://x.example/", tmp_path / "docs", tmp_path / "site",
                                    [site_config.Language("sv", "Svenska", default=True),
                                     site_config.Language("fa", "فارسی", full=False)])
    errors = lint_content.lint(config, tmp_path, TODAY, termbase=lint_content.load_termbase(["fa"], CONFIG.locales_dir)).errors
    assert [e.split(": '")[1].split("'")[0] for e in errors] == [term], errors
    assert errors[0].startswith(f"docs/fa/aftercare.md:{text.count(chr(10))}: '{term}' is not used on this site; write ")


@pytest.mark.parametrize("code,line,term", [
    # perustoimeentulotuki as a "living allowance": reads as the housing allowance (asumistuki)
    ("ru", "Только после этого можно получить базовое пособие на проживание (perustoimeentulotuki).",
     "пособие на проживание"),
    ("ru", "Kela решает вопрос о пособии на проживание.", "пособии на проживание"),
    ("uk", "Лише після цього він може отримати базову допомогу на проживання (perustoimeentulotuki).",
     "допомогу на проживання"),
    ("uk", "Закон про допомогу на проживання.", "допомогу на проживання"),
])
def test_russian_and_ukrainian_termbases_name_basic_social_assistance(tmp_path, code, line, term):
    for lang in ("sv", code):
        (tmp_path / "docs" / lang).mkdir(parents=True)
    (tmp_path / "docs" / "sv" / "aftercare.md").write_text(GOOD, encoding="utf-8")
    text = TRANSLATED + "\n" + line + "\n"
    (tmp_path / "docs" / code / "aftercare.md").write_text(text, encoding="utf-8")
    config = site_config.SiteConfig("https://x.example/", tmp_path / "docs", tmp_path / "site",
                                    [site_config.Language("sv", "Svenska", default=True),
                                     site_config.Language(code, code, full=False)])
    errors = lint_content.lint(config, tmp_path, TODAY,
                               termbase=lint_content.load_termbase([code], CONFIG.locales_dir)).errors
    assert errors == [f"docs/{code}/aftercare.md:{text.count(chr(10))}: '{term}' is not used on this site; write "
                      + lint_content.load_termbase([code], CONFIG.locales_dir)[code]["forbidden"][term]
                      + " (or list it in 'allow_terms:' if the page discusses it on purpose)"]


def test_persian_pages_keep_guardianship_and_family_terms_that_are_right():
    """The words the termbase leaves free: substitute care and foster family use
    جایگزین as an adjective (correct), and parents are still سرپرست قانونی (huoltaja)."""
    forbidden = lint_content.load_termbase(["fa"], CONFIG.locales_dir)["fa"]["forbidden"]
    ok = "کودک در مراقبت جایگزین یا خانوادهٔ جایگزین زندگی می‌کند. شما سرپرست قانونی کودک هستید."
    for term in forbidden:
        assert term not in ok, term


# --------------------------------------------------------------------------- timelines

TIMELINE = GOOD + """
## Vad händer och när? {#timeline}

<div class="timeline" markdown>

1. **Anmälan** <span class="timeline-time">Start</span>

    Någon är orolig. [Hur anmäler jag?](#how)

2. **Beslut** <span class="timeline-time">Inom 7 vardagar</span> [Om du är förälder](placement.md#parent)

</div>
"""
# line of each step in TIMELINE
STEP_1, STEP_2 = 18, 22


def lint_timeline(tmp_path, sv, fi=None):
    for code, text in (("sv", sv), ("fi", fi)):
        if text is not None:
            (tmp_path / "docs" / code).mkdir(parents=True, exist_ok=True)
            (tmp_path / "docs" / code / "aftercare.md").write_text(text, encoding="utf-8")
    config = site_config.SiteConfig("https://x.example/", tmp_path / "docs", tmp_path / "site",
                                    [site_config.Language("sv", "Svenska", default=True),
                                     site_config.Language("fi", "Suomi")])
    return [e for e in lint_content.lint(config, tmp_path, TODAY, 365, {}).errors if "LIX" not in e]


def test_a_good_timeline_and_its_translation_pass(tmp_path):
    fi = TIMELINE.replace("Anmälan", "Ilmoitus").replace("Inom 7 vardagar", "7 arkipäivän kuluessa")
    assert lint_timeline(tmp_path, TIMELINE, fi) == []
    steps = lint_content.timelines(lint_content.docs_model.parse(tmp_path / "docs" / "sv" / "aftercare.md", "sv",
                                                                 "aftercare.md"))[0][0].steps
    assert [(s.line, s.title, s.time, s.links) for s in steps] == [
        (STEP_1, "Anmälan", "Start", ["#how"]), (STEP_2, "Beslut", "Inom 7 vardagar", ["placement.md#parent"])]


@pytest.mark.parametrize("old, new, complaint", [
    ("1. **Anmälan**", "- **Anmälan**", f":{STEP_1}: the timeline's steps are a bulleted list (- ...); number "
     "them (1. 2. 3.)"),
    ('<div class="timeline" markdown>', '<div class="timeline">', ":16: the timeline's <div> lacks the markdown "
     'attribute, so its list is shown as plain text; write <div class="timeline" markdown>'),
    ("**Anmälan**", "Anmälan", f":{STEP_1}: timeline step 1 has no bold title (**...**)"),
    ('<span class="timeline-time">Start</span>', "Start", f":{STEP_1}: timeline step 1 has no time limit "
     '(<span class="timeline-time">...</span>)'),
    (" [Hur anmäler jag?](#how)", "", f":{STEP_1}: timeline step 1 links to nothing; link the page or section it "
     "is about"),
    ("</div>\n", "", ":16: the timeline's <div> is never closed; end it with a line </div>"),
])
def test_a_broken_timeline_is_named_with_its_line(tmp_path, old, new, complaint):
    assert old in TIMELINE
    assert lint_timeline(tmp_path, TIMELINE.replace(old, new)) == ["docs/sv/aftercare.md" + complaint]


@pytest.mark.parametrize("old, new, complaint", [
    ("Inom 7 vardagar", "14 arkipäivän kuluessa", f":{STEP_2}: timeline step 2: time limit '14 arkipäivän kuluessa' "
     f"has other numbers than 'Inom 7 vardagar' in docs/sv/aftercare.md:{STEP_2}"),
    ("placement.md#parent", "placement.md#in-brief", f":{STEP_2}: timeline step 2: links ['placement.md#in-brief'], "
     f"but ['placement.md#parent'] in docs/sv/aftercare.md:{STEP_2}"),
    ("\n</div>", '\n3. **Lisäksi** <span class="timeline-time">1</span> [x](#how)\n</div>', ":16: the timeline has "
     "3 steps, docs/sv/aftercare.md:16 has 2; every language has the same steps"),
    ('<div class="timeline" markdown>', "<div>", ": 0 timeline(s), docs/sv/aftercare.md has 1; every language has "
     "the source's timelines"),
])
def test_a_translated_timeline_has_the_sources_steps(tmp_path, old, new, complaint):
    assert old in TIMELINE
    assert lint_timeline(tmp_path, TIMELINE, TIMELINE.replace(old, new)) == ["docs/fi/aftercare.md" + complaint]


def test_the_notification_timeline_has_the_legal_time_limits():
    """Child Welfare Act 417/2007: 7 working days to decide on an assessment (26 §), 3
    months for it (Social Welfare Act 36 §), an emergency placement for 30 + 30 days
    (38 §), aftercare for 5 years, to 23 at the latest (75 §)."""
    page = lint_content.docs_model.parse(CONFIG.docs_dir / "sv" / "child-welfare-notification.md", "sv",
                                         "child-welfare-notification.md")
    found, problems = lint_content.timelines(page)
    assert problems == [] and len(found) == 1
    numbers = [lint_content.NUMBER.findall(step.time) for step in found[0].steps]
    assert ["7"] in numbers and ["3"] in numbers and ["30", "30"] in numbers and ["5", "23"] in numbers
