"""A page shown in another language because it is not translated yet says so.

mkdocs-static-i18n fills a missing translation with the default language's page, with no
marker and under the reader's language's <html lang> and <html dir>. This hook puts a
notice at the top in the reader's language, marks the page's own text with its real
language and direction (<div class="fallback-content" lang="sv" dir="ltr">) so screen
readers pronounce it right and, in Arabic and Persian, the Swedish text is not laid out
right to left (full stops at the start of lines), and links to the page in every full
language (Swedish, Finnish, English) that has it. The site's chrome (header, navigation,
safety bar) stays in the reader's language and direction.
"""

import html

from portal import i18n_state


def on_page_content(content, page, config, files):
    reader = i18n_state.current_language(config)
    written = getattr(page.file, "locale", reader)
    if written == reader:
        return content
    name = i18n_state.page_name(page, written)
    links = i18n_state.full_language_links(config, name)
    ui = config.extra["ui"]
    notice = (f'<div class="admonition info fallback-notice" lang="{reader}">'
              f'<p class="admonition-title">{html.escape(ui["fallback_title"])}</p>'
              f'<p>{html.escape(ui["fallback_text"])} {links}</p></div>')
    direction = config.extra["directions"][written]
    return f'{notice}\n<div class="fallback-content" lang="{written}" dir="{direction}">\n{content}\n</div>'
