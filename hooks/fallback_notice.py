"""A page shown in another language because it is not translated yet says so.

mkdocs-static-i18n fills a missing translation with the default language's page, with no
marker and under the reader's language's <html lang>. This hook puts a notice at the top
in the reader's language, marks the page's own text with its real language (lang="sv")
so screen readers pronounce it right, and links to the page in every full language
(Swedish, Finnish, English) that has it.
"""

import html
import sys
from pathlib import Path

import i18n_state

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import locales  # noqa: E402


def on_page_content(content, page, config, files):
    reader = i18n_state.current_language(config)
    written = getattr(page.file, "locale", reader)
    if written == reader:
        return content
    name = i18n_state.page_name(page, written)
    slug = "" if name == "index.md" else name[:-3] + "/"
    base = i18n_state.site_path(config)
    ui_all = config.extra["ui_all"]
    links = []
    for code in i18n_state.languages(config):
        if locales.coverage(code) == "full" and (Path(config.docs_dir) / code / name).is_file():
            href = base + i18n_state.prefix(config, code) + slug
            links.append(f'<a href="{html.escape(href)}" hreflang="{code}" lang="{code}">'
                         f'{html.escape(ui_all[code]["language_name"])}</a>')
    ui = config.extra["ui"]
    notice = (f'<div class="admonition info fallback-notice" lang="{reader}">'
              f'<p class="admonition-title">{html.escape(ui["fallback_title"])}</p>'
              f'<p>{html.escape(ui["fallback_text"])} {" · ".join(links)}</p></div>')
    return f'{notice}\n<div lang="{written}">\n{content}\n</div>'
