"""Outdated translations: a notice on the page, and a status page for editors.

A translation records `source_hash`, the fingerprint of its source page (docs/sv/...)
when it was last made to match it (scripts/check_translations.py --stamp). When the
source has changed since, and no editor has recorded that the change needs no new
translation, the translated page gets a notice at the top in its own language, linking
to the source page. After the build, site/translation-status/index.html lists every page
and language: source, up to date, no new translation needed (with the reason), outdated
(since when, and until when the grace period runs), missing, and whether a native
speaker has checked the translation. The logic is portal/translations.py, shared with the
check; the markup is overrides/translation-status.html.
"""

import datetime as dt
from pathlib import Path

from portal import addresses, docs_model, i18n_state, translations


def on_page_markdown(markdown, page, config, files):
    lang = i18n_state.current_language(config)
    default = i18n_state.default_language(config)
    if lang == default or getattr(page.file, "locale", lang) != lang:
        return markdown
    name = i18n_state.page_name(page, lang)
    source_path = Path(config.docs_dir) / default / name
    if not source_path.is_file():
        return markdown
    source = docs_model.parse(source_path, default, name)
    translation = docs_model.parse(Path(page.file.abs_src_path), lang, name)
    if translations.state(source, translation, None, 0).kind in (translations.UP_TO_DATE, translations.ACCEPTED):
        return markdown
    ui = config.extra["ui"]
    # An absolute URL: a relative one to another language's folder is not a doc link
    # MkDocs can validate in this language's build. scripts/check_links.py checks it.
    where = addresses.from_mkdocs(config)
    link = where.url(where.page(default, name))
    notice = (f'!!! warning "{ui["outdated_title"]}"\n'
              f'    {ui["outdated_text"]} [{ui["outdated_link"]}]({link}){{ hreflang="{default}" }}\n\n')
    return notice + markdown


@i18n_state.after_every_language()
def on_post_build(config):
    settings = i18n_state.site_settings(config)  # the live config, not mkdocs.yml again
    today = dt.date.today()
    rows = translations.status_rows(settings, today)
    by_page: dict[str, dict[str, translations.Row]] = {}
    for row in rows:
        by_page.setdefault(row.page, {})[row.lang] = row
    out = Path(config.site_dir) / "translation-status" / "index.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    template = config.theme.get_env().get_template("translation-status.html")
    out.write_text(template.render(pages=by_page, languages=settings.languages, today=today,
                                   default=settings.default, T=translations,
                                   icon=config.extra["favicon_data_uri"]), encoding="utf-8")
