"""A page shown in another language because it is not translated yet says so, and is
shown in a language its reader is likely to read.

mkdocs-static-i18n fills a missing translation with the default language's (Swedish)
page, with no marker and under the reader's language's <html lang> and <html dir>.

- A partial language names in locales/<code>.yml `fallback_language:` the full language
  its untranslated pages are shown in (English for most: more newcomers read it than
  Swedish; the reason is in each file). on_page_markdown swaps the Swedish Markdown for
  that language's page (docs/<fallback>/<name>, front matter stripped; its title,
  description, review date and sources replace the Swedish ones). The build fails if a
  partial language has no fallback_language, or names a language that is not full.
- on_page_content puts a notice at the top in the reader's language (ui fallback_title,
  fallback_text: it names the language shown) with links to the page in every full
  language (Swedish, Finnish, English) that has it, and marks the page's own text with
  its real language and direction (<div class="fallback-content" lang="en" dir="ltr">),
  so screen readers pronounce it right and, in Arabic and Persian, the text is not laid
  out right to left. The site's chrome (header, navigation, safety bar) stays in the
  reader's language and direction.
- The page records the language its text is shown in (page.fallback_shown_in, also when
  it stays Swedish), so the review date and sources under it
  (overrides/partials/page-facts.html) are written in that language, with its lang and
  dir: in Arabic they read "Last reviewed: 30 November 2026" and "Child Welfare Act
  (417/2007) sections 4, 27", not "75 / § och 89" laid out right to left.

The file itself stays the Swedish one (page.file.locale), so the page is still kept out
of the search index and search engines (hooks/search_index.py, overrides/main.html).
"""

from pathlib import Path

import mkdocs.plugins
from mkdocs.exceptions import PluginError
from mkdocs.utils import meta as front_matter

from portal import i18n_state, locales

KEY = "fallback_language"
SHOWN_IN = "fallback_shown_in"  # attribute of a page shown in another language: that language
# the front matter that describes the text shown, taken with it from the fallback page
SWAPPED_META = ("title", "description", "last_reviewed", "sources")


def fallback_language(code: str, folder: Path) -> str | None:
    """The full language a partial language's untranslated pages are shown in (None for a
    full language: its missing pages stay Swedish). Raises PluginError naming the file and
    the key when the key is missing or names a language that is not full."""
    if locales.coverage(code, folder) != "partial":
        return None
    label = f"{folder.name}/{locales.path_for(code, folder).name}"
    chosen = locales.load(code, folder).get(KEY)
    if not chosen:
        raise PluginError(f"{label}: '{KEY}' is missing: a partial language names the full language "
                          f"(sv, fi or en) its untranslated pages are shown in, e.g. '{KEY}: en'")
    if not locales.path_for(str(chosen), folder).is_file() or locales.coverage(str(chosen), folder) != "full":
        raise PluginError(f"{label}: '{KEY}: {chosen}' is not a full language of the site: "
                          f"name one whose locales file says 'coverage: full' (sv, fi or en)")
    return str(chosen)


def on_pre_build(config):
    folder = i18n_state.locales_dir(config)
    for code in i18n_state.languages(config):
        fallback_language(code, folder)


@mkdocs.plugins.event_priority(100)  # before any other hook reads the Markdown
def on_page_markdown(markdown, page, config, files):
    reader = i18n_state.current_language(config)
    written = getattr(page.file, "locale", reader)
    if written == reader:
        return markdown
    setattr(page, SHOWN_IN, written)
    chosen = fallback_language(reader, i18n_state.locales_dir(config))
    if chosen is None or chosen == written:
        return markdown
    source = Path(config.docs_dir) / chosen / i18n_state.page_name(page, written)
    if not source.is_file():
        return markdown
    text, meta = front_matter.get_data(source.read_text(encoding="utf-8-sig"))
    for key in SWAPPED_META:  # none of the Swedish page's stays (scripts/lint_content.py requires all)
        if key in meta:
            page.meta[key] = meta[key]
        else:
            page.meta.pop(key, None)
    setattr(page, SHOWN_IN, chosen)
    return text


def on_page_content(content, page, config, files):
    reader = i18n_state.current_language(config)
    written = getattr(page.file, "locale", reader)
    if written == reader:
        return content
    name = i18n_state.page_name(page, written)
    shown = getattr(page, SHOWN_IN, written)
    notice = config.theme.get_env().get_template("partials/fallback-notice.html").render(
        ui=config.extra["ui"], reader=reader, links=i18n_state.full_language_links(config, name),
        shown=shown, direction=config.extra["directions"][shown], content=content)
    return notice
