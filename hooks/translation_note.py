"""A translated page in a partial language says so, in its own language.

Pages in a partial language (locales/<code>.yml `coverage: partial`) record in their
front matter which language they were translated from and when (`translated_from`,
`translated_on`; scripts/lint_content.py requires both). This hook puts a note at the
top of such a page, under its heading (overrides/partials/translation-note.html): "This
page is a translation. Original language: English. Translated on: 23 November 2026. If
this page and the Finnish or Swedish page say different things, the Finnish and Swedish
pages apply." with links to the same page in every full language, where the reader
finds the complete site. Fallback pages get hooks/fallback_notice.py instead.

The original language is named in the page's language, as the sentence around it is
(ui `language_<code>` in locales/<code>.yml: "اللغة الأصلية: الإنجليزية", not "English" in
Latin letters in Arabic text); the links name each language in its own.
"""

from mkdocs.exceptions import PluginError

from portal import i18n_state, locales
from portal.dates import local_date


def on_page_content(content, page, config, files):
    lang = i18n_state.current_language(config)
    if getattr(page.file, "locale", lang) != lang or locales.coverage(lang, i18n_state.locales_dir(config)) != "partial":
        return content
    ui, ui_all = config.extra["ui"], config.extra["ui_all"]
    source = page.meta.get("translated_from")
    when = page.meta.get("translated_on")
    if source not in ui_all or not when:
        return content  # scripts/lint_content.py reports the missing record
    key = f"language_{source}"
    if key not in ui:
        raise PluginError(f"locales/{lang}.yml: ui has no '{key}': add the name of the language "
                          f"'{source}' as {lang} writes it in a sentence (pages are translated from it)")
    note = config.theme.get_env().get_template("partials/translation-note.html").render(
        ui=ui, source_name=ui[key], date=local_date(when, lang), iso_date=str(when),
        links=i18n_state.full_language_targets(config, i18n_state.page_name(page, lang)))
    # after the page's heading: the title comes first for readers, and Material's search
    # takes the page's title from the first section
    end = content.find("</h1>")
    if end == -1:
        return f"{note}\n{content}"
    end += len("</h1>")
    return f"{content[:end]}\n{note}\n{content[end:]}"
