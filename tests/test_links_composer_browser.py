"""The link composer on the "links for letters" page, in a real browser (hooks/links_composer.py,
overrides/assets/javascripts/links-composer.js).

A social worker chooses a page, a section and the family's languages and pastes the block
into a letter: the clipboard must hold exactly one line per language, in that language, with
the stable address (the short one for a whole page), a language without the page must be
named, and each QR code must decode to the address on its line.
"""

import base64
import re

import pytest
import yaml

from conftest import CONFIG, ROOT
from helpers import soup
from sweep import audit

SITE = CONFIG.site_url.rstrip("/") + "/"
UI = {code: yaml.safe_load((ROOT / "locales" / f"{code}.yml").read_text(encoding="utf-8"))["ui"]
      for code in CONFIG.codes}
CLIPBOARD = ["clipboard-read", "clipboard-write"]


def read_more(code, url):
    return f"{UI[code]['composer_read_more']}: {url}"


def composer(server, page_factory, prefix, locale="fi-FI", **kwargs):
    page = page_factory(locale, permissions=CLIPBOARD, **kwargs)
    page.goto(server + prefix + "links-for-letters/")
    page.wait_for_selector("[data-links-composer]:not([hidden])")
    return page


def choose(page, page_id, section="", languages=None):
    page.select_option("[data-composer-page]", page_id)
    page.select_option("[data-composer-section]", section)
    if languages is not None:
        for box in page.locator("[data-links-composer] input[name=language]").all():
            box.set_checked(box.get_attribute("value") in languages)


def open_qr_codes(page):
    page.click("[data-composer-qr-details] summary")
    assert page.locator("[data-composer-qr-details]").get_attribute("open") is not None


def block_lines(page):
    return page.locator("[data-composer-block] p").all_inner_texts()


def copy(page, code):
    """Copy with the keyboard, wait for the announcement in the page's language, read back."""
    page.focus("[data-composer-copy]")
    page.keyboard.press("Enter")
    status = page.locator("[data-composer-status]")
    status.filter(has_text=UI[code]["composer_copied"]).wait_for()
    assert status.get_attribute("role") == "status"
    text = page.evaluate("navigator.clipboard.readText()")
    markup = page.evaluate("""async () => {
        const items = await navigator.clipboard.read();
        return items[0].types.includes('text/html') ? await (await items[0].getType('text/html')).text() : null;
    }""")
    return text, markup


def test_aftercare_who_is_entitled_in_finnish_swedish_and_arabic(server, page_factory):
    page = composer(server, page_factory, "fi/")
    # Finnish and Swedish are chosen to start with, the page's own language first.
    assert [b.get_attribute("value") for b in page.locator("input[name=language]:checked").all()] == ["sv", "fi"]
    choose(page, "aftercare", "who-is-entitled")
    page.check("[data-links-composer] input[value=ar]")
    expected = [read_more("fi", SITE + "fi/aftercare/#who-is-entitled"),
                read_more("sv", SITE + "aftercare/#who-is-entitled"),
                read_more("ar", SITE + "ar/aftercare/#who-is-entitled")]
    assert expected[0] == "Lue lisää: https://lastensuojelu.example.org/fi/aftercare/#who-is-entitled"
    assert expected[1] == "Läs mer: https://lastensuojelu.example.org/aftercare/#who-is-entitled"
    text, markup = copy(page, "fi")
    assert text == "\n".join(expected)
    # The HTML version: one paragraph per language, marked with its language and direction.
    assert markup is not None
    paragraphs = re.findall(r'<p lang="([a-z]+)" dir="(ltr|rtl)">([^<]*)<a href="([^"]+)">([^<]+)</a></p>', markup)
    assert [(lang, d, label + href) for lang, d, label, href, _ in paragraphs] == [
        ("fi", "ltr", expected[0]), ("sv", "ltr", expected[1]), ("ar", "rtl", expected[2])]
    assert block_lines(page) == expected
    assert page.locator("[data-composer-block] p[lang=ar]").get_attribute("dir") == "rtl"


def test_whole_page_uses_the_short_address_where_the_language_has_one(server, page_factory):
    page = composer(server, page_factory, "", locale="sv-FI")
    choose(page, "aftercare", "", ["sv", "fi", "en"])
    assert block_lines(page) == [read_more("sv", SITE + "eftervard/"),
                                 read_more("fi", SITE + "fi/jalkihuolto/"),
                                 read_more("en", SITE + "en/aftercare/")]  # English has no short address
    text, _ = copy(page, "sv")
    assert text.splitlines()[1] == "Lue lisää: https://lastensuojelu.example.org/fi/jalkihuolto/"
    # A section always has the page's full address: the short one has no sections.
    choose(page, "aftercare", "how-long")
    assert block_lines(page)[:2] == [read_more("sv", SITE + "aftercare/#how-long"),
                                     read_more("fi", SITE + "fi/aftercare/#how-long")]


def test_a_page_missing_in_a_partial_language_is_reported_and_full_languages_are_offered(server, page_factory):
    page = composer(server, page_factory, "en/", locale="en-GB")
    choose(page, "placement", "", ["so", "ar"])  # partial languages without the placement page
    assert block_lines(page) == [UI["ar"]["composer_missing"], UI["so"]["composer_missing"]]
    notice = page.locator("[data-composer-missing]")
    assert notice.is_visible()
    assert UI["en"]["composer_missing_notice"] in notice.inner_text()
    offers = notice.locator("button")
    assert offers.all_inner_texts() == ["+ Svenska", "+ Suomi", "+ English"]
    open_qr_codes(page)
    assert page.locator("[data-composer-qr] img").count() == 0  # no address, no QR code
    offers.filter(has_text="Suomi").click()
    assert block_lines(page) == [read_more("fi", SITE + "fi/sijoitus/"),
                                 UI["ar"]["composer_missing"],
                                 UI["so"]["composer_missing"]]
    assert page.locator("[data-composer-qr] img").count() == 1
    text, _ = copy(page, "en")
    assert text.splitlines()[1] == UI["ar"]["composer_missing"]
    # A page the partial language has: no notice.
    choose(page, "aftercare", "", ["ar", "so"])
    assert not notice.is_visible()
    assert block_lines(page) == [read_more("ar", SITE + "ar/aftercare/"), read_more("so", SITE + "so/aftercare/")]


QR_PIXELS = """async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const size = 400;  // the SVG drawn by Chromium at 400 x 400 px: no cairo needed
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size, size);
    ctx.drawImage(img, 0, 0, size, size);
    const rgba = ctx.getImageData(0, 0, size, size).data;
    // one byte a pixel (the red channel of black and white), as base64: an array of
    // 160,000 numbers costs seconds to pass from the page to Python
    let grey = '';
    for (let i = 0; i < size * size; i++) grey += String.fromCharCode(rgba[i * 4]);
    return btoa(grey);
}"""


def decode_qr(page, src):
    import zxingcpp

    grey = base64.b64decode(page.evaluate(QR_PIXELS, src))
    found = zxingcpp.read_barcodes(memoryview(grey).cast("B", (400, 400)))
    assert len(found) == 1, src
    return found[0].text


@pytest.mark.parametrize("section", ["who-is-entitled", ""])
def test_each_qr_code_decodes_to_the_address_on_its_line(server, page_factory, section):
    page = composer(server, page_factory, "fi/")
    choose(page, "aftercare", section, ["fi", "sv", "ar"])
    open_qr_codes(page)
    urls = page.locator("[data-composer-block] a").evaluate_all("links => links.map(a => a.href)")
    figures = page.locator("[data-composer-qr] figure")
    assert figures.count() == len(urls) == 3
    for i, url in enumerate(urls):
        img = figures.nth(i).locator("img")
        img.wait_for()
        assert img.get_attribute("alt") == f"{UI['fi']['composer_qr_code']}: {url}"
        assert decode_qr(page, img.evaluate("i => i.src")) == url
        download = figures.nth(i).locator("a[download]")
        assert download.get_attribute("download").endswith(".svg")
        assert download.evaluate("a => a.href") == img.evaluate("i => i.src")
        response = page.request.get(download.evaluate("a => a.href"))
        assert response.ok and response.body().startswith(b"<svg xmlns=")
    if not section:  # the short address has its own code
        assert urls[0] == SITE + "fi/jalkihuolto/"


def test_works_without_javascript_and_sends_nothing(built_site, server, page_factory):
    html = soup(built_site / "fi" / "links-for-letters" / "index.html")
    form = html.select_one("[data-links-composer]")
    assert form is not None and not form.has_attr("hidden")  # shown from the start where scripts run
    assert not html.select("script:not([src]):not([type='application/json'])"), "inline script"
    assert not html.select("[style]") and not html.select("style"), "inline style"
    assert form.select_one("h3").get_text() == UI["fi"]["composer_title"]
    for control in form.select("select"):
        assert form.select_one(f"label[for={control['id']}]") is not None
    # Without JavaScript: the full list is the page, the composer stays hidden.
    page = page_factory("fi-FI", java_script_enabled=False)
    page.goto(server + "fi/links-for-letters/")
    assert not page.locator("[data-links-composer]").is_visible()
    assert page.locator('article a[href="https://lastensuojelu.example.org/fi/aftercare/#who-is-entitled"]').count() == 1
    # With it: only the site's own files are requested, and no request carries data.
    page = page_factory("fi-FI", permissions=CLIPBOARD)
    requests = []
    page.on("request", lambda r: requests.append((r.method, r.url)))
    page.goto(server + "fi/links-for-letters/")
    page.wait_for_selector("[data-links-composer]:not([hidden])")
    page.wait_for_load_state("networkidle")
    # the first view has the composer, with its pages, but not its data
    assert not [url for _, url in requests if "/letters/" in url], requests
    assert page.locator("[data-composer-page] option").count() == len(CONFIG.nav_files)
    choose(page, "aftercare", "who-is-entitled", ["fi", "sv", "ar"])
    assert len([url for _, url in requests if "/letters/links." in url]) == 1
    copy(page, "fi")
    # The first view stays within the site's budget of 8 requests: the QR codes load
    # only when their section is opened.
    assert not [url for _, url in requests if "/qr/" in url]
    assert len(requests) <= 8, requests
    open_qr_codes(page)
    page.locator("[data-composer-qr] img").last.wait_for()
    assert len([url for _, url in requests if "/qr/" in url]) == 3
    assert {method for method, _ in requests} == {"GET"}
    assert all(url.startswith(server) for _, url in requests), requests
    assert not [url for _, url in requests if "?" in url]


@pytest.mark.parametrize("prefix,locale,code", [("", "sv-FI", "sv"), ("fi/", "fi-FI", "fi"),
                                                ("ar/", "ar-FI", "ar"), ("fa/", "fa-FI", "fa")])
def test_composer_in_the_readers_language_also_on_a_fallback_page(server, page_factory, prefix, locale, code):
    page = composer(server, page_factory, prefix, locale=locale)
    root = page.locator("[data-links-composer]")
    assert root.get_attribute("lang") == code
    assert page.locator("#links-composer").inner_text() == UI[code]["composer_title"]
    checked = [b.get_attribute("value") for b in page.locator("input[name=language]:checked").all()]
    assert set(checked) == {code, "fi", "sv"}
    assert block_lines(page) == []  # the data loads when the composer is first used
    page.focus("[data-composer-page]")
    page.locator("[data-composer-block] p").first.wait_for()
    assert block_lines(page)[0].startswith(UI[code]["composer_read_more"] + ": ")
    if code == "ar":  # the page is shown from Swedish; the composer is Arabic, right to left
        assert root.get_attribute("dir") == "rtl"
        assert page.locator("[data-composer-page] option[value=aftercare]").inner_text() == "الرعاية اللاحقة"


@pytest.mark.parametrize("prefix", ["fi/", "ar/"])
def test_composer_passes_axe_and_fits_320_px(server, page_factory, prefix):
    page = composer(server, page_factory, prefix, viewport={"width": 320, "height": 640})
    choose(page, "placement", "", ["fi", "sv", "ar", "so"])  # long lines and the missing-language notice
    open_qr_codes(page)
    assert page.locator("[data-composer-missing]").is_visible()
    page.locator("[data-composer-qr] img").first.wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert audit(page) == []


def test_print_view_shows_only_the_block_and_its_qr_codes(server, page_factory):
    page = composer(server, page_factory, "fi/")
    choose(page, "aftercare", "who-is-entitled", ["fi", "sv"])
    open_qr_codes(page)
    page.locator("[data-composer-qr] img").first.wait_for()
    page.evaluate("document.body.classList.add('links-composer-printing')")  # what the print button does
    page.emulate_media(media="print")
    assert page.locator("[data-composer-block]").is_visible()
    assert page.locator("[data-composer-qr] img").first.is_visible()
    for hidden in ("[data-composer-copy]", "[data-composer-page]", ".md-header", "article h1"):
        assert not page.locator(hidden).first.is_visible(), hidden
    # An ordinary print of the page leaves the composer out and prints the list.
    page.evaluate("document.body.classList.remove('links-composer-printing')")
    assert not page.locator("[data-links-composer]").is_visible()
    assert page.locator("article h1").is_visible()


# The page's layout shifts so far (as Lighthouse's CLS counts them): the buffered entries
# arrive in the observer's first callback, or none in a quarter of a second
LAYOUT_SHIFT = """() => new Promise(resolve => {
    const sum = entries => entries.filter(e => !e.hadRecentInput).reduce((total, e) => total + e.value, 0);
    const observer = new PerformanceObserver(list => { observer.disconnect(); resolve(sum(list.getEntries())); });
    observer.observe({type: "layout-shift", buffered: true});
    setTimeout(() => { observer.disconnect(); resolve(sum(observer.takeRecords())); }, 250);
})"""


@pytest.mark.parametrize("path", ["fi/links-for-letters/", "fi/help-and-contacts/"])
def test_the_composer_and_the_finder_move_nothing_as_the_page_loads(server, page_factory, path):
    """Shown from the start (not unhidden by their scripts): Lighthouse counted a layout
    shift of 0.3 on the staff page when the composer appeared after the first paint."""
    page = page_factory("fi-FI", viewport={"width": 412, "height": 823})
    page.goto(server + path)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    page.evaluate("window.scrollTo(0, 0)")
    assert page.evaluate("PerformanceObserver.supportedEntryTypes.includes('layout-shift')")
    assert page.evaluate(LAYOUT_SHIFT) < 0.05
