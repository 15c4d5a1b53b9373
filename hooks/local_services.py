"""Help where you live: the finder on the help page and the list of every municipality.

facts/local-services.yml (read by portal/local_services.py) says which county organises child
welfare in each municipality and how to reach it. This hook puts it on the site twice:

- `<!-- local-finder -->` (the help page, every language): the finder's field,
  overrides/partials/local-finder.html in the reader's language (the `local_*` strings of
  locales/<code>.yml). Hidden until assets/javascripts/local-finder.js shows it; the script
  reads assets/local/services.<hash>.json, written here, only when the reader uses the field
  (or the address asks for a municipality, ?kunta=kerava), so the help page's first view does
  not carry ~300 municipalities. The link to the list below it works without JavaScript.
- `<!-- local-services-list -->` (the page local-services.md, every language): the same data
  as HTML, county by county, each municipality with its own anchor (#kerava, the Finnish
  name made plain; #county-<id> for a county), the same in every language: the browser's
  find, print and reading without JavaScript work on it, and staff can link to an area.

Phone numbers are tap-to-call tel: links. Names of municipalities and counties stay in
Finnish and Swedish; the words around them are the reader's language.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.utils import get_relative_url

from portal import addresses, i18n_state, local_services
from portal.dates import local_date
from portal.markers import LOCAL_FINDER, LOCAL_SERVICES_LIST

MARKERS = (LOCAL_FINDER, LOCAL_SERVICES_LIST)
LIST_PAGE = "local-services.md"
DATA_DIR = "assets/local"

_cache: dict[str, tuple] = {}


def data(config):
    """(the data, the finder's JSON URL under the site, its bytes); read once per change of the file."""
    path = i18n_state.project_root(config) / local_services.DATA
    stamp = f"{path}:{path.stat().st_mtime_ns}"
    if _cache.get("stamp") != stamp:
        loaded = local_services.load(path)
        payload = json.dumps(local_services.finder_data(loaded), ensure_ascii=False,
                             separators=(",", ":")).encode("utf-8")
        url = f"{DATA_DIR}/services.{hashlib.sha256(payload).hexdigest()[:8]}.json"
        _cache.clear()
        _cache.update(stamp=stamp, value=(loaded, url, payload))
    return _cache["value"]


def strings(ui: dict) -> dict:
    return {k[len("local_"):]: v for k, v in ui.items() if k.startswith("local_")}


def host(url: str) -> str:
    return urlsplit(url).netloc.removeprefix("www.")


def on_page_content(content, page, config, files):
    if not LOCAL_FINDER.found_in(content) and not LOCAL_SERVICES_LIST.found_in(content):
        return content
    loaded, url, _ = data(config)
    ui = config.extra["ui"]
    lang = i18n_state.current_language(config)
    where = addresses.from_mkdocs(config)
    env = config.theme.get_env()
    list_href = get_relative_url(where.page(lang, LIST_PAGE).lstrip("/") or ".", page.url)
    if LOCAL_FINDER.found_in(content):
        html = env.get_template("partials/local-finder.html").render(
            ui=ui, strings=strings(ui), src=get_relative_url(url, page.url), list_href=list_href,
            direction=config.extra.get("lang_direction", "ltr"))
        content = LOCAL_FINDER.replace(content, html)
    if LOCAL_SERVICES_LIST.found_in(content):
        html = env.get_template("partials/local-services-list.html").render(
            ui=ui, counties=loaded.counties, tel=local_services.tel, host=host,
            date=lambda value: local_date(value, lang),
            direction=config.extra.get("lang_direction", "ltr"))
        content = LOCAL_SERVICES_LIST.replace(content, html)
    return content


@i18n_state.after_every_language()  # the same file for every language: written once
def on_post_build(config):
    _, url, payload = data(config)
    target = Path(config.site_dir) / url
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(payload)
