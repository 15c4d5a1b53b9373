"""The link composer on the "links for letters" page: the block of links for one letter.

A social worker picks a page, optionally a section, and the family's languages; the page
shows one line per language ("Lue lisää: https://…/fi/aftercare/#who-is-entitled"), copies
it with one button and shows a QR code of each address for a paper letter.

Where the page has `<!-- links-for-letters -->` (hooks/links_for_letters.py turns it into
the full list, which stays as the fallback without JavaScript), this hook puts the
composer's form before the list: overrides/partials/links-composer.html, in the reader's
language, with the list of pages to choose from, hidden until
assets/javascripts/links-composer.js shows it. When the composer is first used (focus or
touch), the script reads one JSON file the build writes (so the page's first view does not
carry it), assets/letters/links.<hash>.json: every page in nav order with
its title, sections and address in each language that has it, its short address (the first
front-matter `aliases:` entry of that language's page), and each language's "Read more" and
"not in this language" phrases. Every address in it is complete, from portal/addresses.py,
with the file of its QR code: the script builds no address. The QR codes are SVG files made
here with segno, one per address, under assets/letters/qr/<lang>/<page>[.<section id>|.short].svg.
They are written once per build, after every language, and only when some page has the
composer (fixture builds of other pages do not pay for ~800 QR codes).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import segno
from mkdocs.utils import get_relative_url

from portal import addresses, aliases, docs_model, i18n_state, local_services, locales
from portal.markers import LINKS_COMPOSER, LINKS_FOR_LETTERS

MARKERS = (LINKS_COMPOSER,)  # put before <!-- links-for-letters -->, hooks/links_for_letters.py's
DATA_DIR = "assets/letters"

_data: dict[tuple, tuple[str, bytes, dict, list]] = {}  # one build's data, shared by its languages
_qr: dict[str, str] = {}  # address -> SVG, kept across rebuilds of `mkdocs serve`
_wanted: set[str] = set()  # site dirs whose build showed the composer


def qr_file(code: str, page: str, section: str | None = None, short: bool = False) -> str:
    """Path of an address's QR code under assets/letters/: "qr/fi/aftercare.who-is-entitled.svg"
    (the data gives the script each address's file)."""
    return f"qr/{code}/{page}" + (f".{section}" if section else ".short" if short else "") + ".svg"


def qr_svg(url: str) -> str:
    """A standalone SVG of the QR code of `url`: 4 modules of quiet zone, as for print.

    segno's own SVG writer costs as much as the encoding; runs of dark modules as one path
    halve the time of ~800 codes."""
    if url in _qr:
        return _qr[url]
    qr = segno.make(url, error="m", mask=0, micro=False)  # fixed mask: see hooks/print_qr.py
    border = 4
    rows = list(qr.matrix)
    size = len(rows) + 2 * border
    path = []
    for y, row in enumerate(rows):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                path.append(f"M{start + border} {y + border}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    title = url.replace("&", "&amp;").replace("<", "&lt;")
    _qr[url] = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
                f'width="{size * 4}" height="{size * 4}" shape-rendering="crispEdges">'
                f'<title>{title}</title><rect width="{size}" height="{size}" fill="#fff"/>'
                f'<path fill="#000" d="{"".join(path)}"/></svg>\n')
    return _qr[url]


def address_of(where: addresses.Addresses, address: str, qr: dict[str, str], code: str, page_id: str,
               section: str | None = None, short: bool = False) -> dict[str, str]:
    """{"url": the absolute address, "qr": its QR file under assets/letters/}; notes the QR
    code to write."""
    url, file = where.url(address), qr_file(code, page_id, section, short)
    qr[file] = url
    return {"url": url, "qr": file}


def build_data(config) -> tuple[str, bytes, dict, list]:
    """(URL of the JSON under the site, its bytes, {QR file: address}, its pages) for this build.

    Every address in it is complete (portal/addresses.py): the script never builds one."""
    docs = Path(config.docs_dir)
    where = addresses.from_mkdocs(config)
    codes = list(where.codes)
    key = (str(docs), config.site_url, tuple(codes))
    if key in _data:
        return _data[key]
    ui = config.extra["ui_all"]
    folder = i18n_state.locales_dir(config)
    languages = [{"code": code, "name": ui[code]["language_name"],
                  "dir": locales.direction(code, folder),
                  "full": locales.coverage(code, folder) == "full",
                  "read_more": ui[code]["composer_read_more"], "missing": ui[code]["composer_missing"],
                  "local": {k: ui[code][f"local_{k}"] for k in ("emergency", "always", "after_hours", "list")}}
                 for code in codes]
    known, _ = aliases.collect(docs, codes, where.default)
    short: dict[str, str] = {}  # page address -> its first alias
    for alias in known.values():
        short.setdefault(alias.target, alias.alias)
    pages, qr = [], {}
    for name in i18n_state.nav_files(config):
        page_id = name[:-3]  # names the page's QR files only
        entry = {"id": page_id, "title": {}, "langs": [], "at": {}, "short": {}, "sections": []}
        sections: dict[str, dict] = {}
        for code in codes:
            path = docs / code / name
            if not path.is_file():
                continue
            doc = docs_model.parse(path, code, name)
            address = where.page(code, name)
            entry["langs"].append(code)
            entry["title"][code] = doc.meta.get("title") or page_id
            entry["at"][code] = address_of(where, address, qr, code, page_id)
            if address in short:
                entry["short"][code] = address_of(where, short[address], qr, code, page_id, short=True)
            for h in addresses.offered_sections(doc.headings):
                section = sections.setdefault(h.id, {"id": h.id, "title": {}, "at": {}})
                section["title"][code] = h.text
                section["at"][code] = address_of(where, where.page(code, name, h.id), qr, code, page_id, h.id)
        if entry["langs"]:
            entry["sections"] = list(sections.values())
            pages.append(entry)
    data = json.dumps({"languages": languages, "pages": pages, "areas": areas(where, docs, local_services.load(
        i18n_state.project_root(config) / local_services.DATA).counties)},
                      ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    url = f"{DATA_DIR}/links.{hashlib.sha256(data).hexdigest()[:8]}.json"
    _data.clear()
    _data[key] = (url, data, qr, pages)
    return _data[key]


def areas(where: addresses.Addresses, docs: Path, counties: list) -> list[dict]:
    """The contacts of each county (facts/local-services.yml) for the block: its social
    emergency number where a current source states it, and the address of its contacts on
    the list page in each language that has the page (portal/addresses.py)."""
    out = []
    for county in counties:
        emergency = county.values["emergency"]
        out.append({"id": county.id, "name": {"fi": county.name.get("fi"), "sv": county.name.get("sv")},
                    "phone": emergency.get("phone"), "hours": emergency.get("hours"),
                    "at": {code: where.url(where.page(code, "local-services.md", county.anchor))
                           for code in where.codes if (docs / code / "local-services.md").is_file()}})
    return out


def page_choices(pages: list[dict], lang: str, default: str) -> list[dict]:
    """The composer's page list in the reader's language (a page it lacks: the title in the
    default language, marked with its lang), rendered in the page so that the data file
    loads only when the composer is used."""
    out = []
    for page in pages:
        code = lang if lang in page["title"] else default if default in page["title"] else next(iter(page["title"]))
        out.append({"id": page["id"], "title": page["title"][code], "lang": None if code == lang else code})
    return out


def on_page_markdown(markdown, page, config, files):
    if not LINKS_FOR_LETTERS.found_in(markdown):
        return markdown
    return LINKS_FOR_LETTERS.replace(markdown, f"{LINKS_COMPOSER.text}\n\n{LINKS_FOR_LETTERS.text}", 1)


def on_page_content(content, page, config, files):
    if not LINKS_COMPOSER.found_in(content):
        return content
    lang = i18n_state.current_language(config)
    url, _, _, pages = build_data(config)
    ui = config.extra["ui"]
    strings = {k[len("composer_"):]: v for k, v in ui.items() if k.startswith("composer_")}
    # The family's languages to start with: Finnish and Swedish, the page's language first.
    defaults = list(dict.fromkeys([lang, "fi", "sv"]))
    _wanted.add(str(Path(config.site_dir).resolve()))
    html = config.theme.get_env().get_template("partials/links-composer.html").render(
        ui=ui, strings=strings, lang=lang, direction=config.extra.get("lang_direction", "ltr"),
        src=get_relative_url(url, page.url), defaults=defaults,
        pages=page_choices(pages, lang, i18n_state.default_language(config)),
        areas=local_services.load(i18n_state.project_root(config) / local_services.DATA).counties,
        languages=[{"code": c, "name": config.extra["ui_all"][c]["language_name"]}
                   for c in i18n_state.languages(config)])
    return LINKS_COMPOSER.replace(content, html)


@i18n_state.after_every_language()
def on_post_build(config):
    site = Path(config.site_dir).resolve()
    if str(site) not in _wanted:
        return
    _wanted.discard(str(site))
    url, data, qr, _ = build_data(config)
    target = site / url
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    for name, address in qr.items():
        path = site / DATA_DIR / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(qr_svg(address), encoding="utf-8")
