"""Easy-language pages (lättläst, selkokieli, Easy English) are found from where the reader is.

An easy page lives at docs/<lang>/easy/<name>, beside the standard page docs/<lang>/<name>
(docs/sv/easy/aftercare.md is the easy version of docs/sv/aftercare.md; easy/index.md,
the list of easy pages, belongs to the home page; the rule is portal/easy_pages.py's, which
the check of the easy pages' facts uses too). This hook:

- puts a link to the easy version under the title of every standard page that has one,
  in the page's language (locales/<code>.yml ui.easy_link);
- puts a link back to the full page under the title of every easy page (ui.easy_full_link);
- gives easy pages the class "easy-page" (larger text, short lines, no tooltips:
  overrides/assets/stylesheets/site.css; hooks/glossary_tooltips.py skips them).

The HTML comes from overrides/partials/easy-language.html. Links are shown only on a
page written in the reader's language whose counterpart exists in that language:
partial languages have no easy pages, so there nothing is shown, and a page shown from
another language (fallback) gets no link into a language the reader did not choose.
"""

import re
from pathlib import Path

from portal import addresses, i18n_state
from portal.easy_pages import counterpart, is_easy  # which page is whose easy version

TITLE_END = re.compile(r"</h1>")


# Names

def url_path(config, lang: str, name: str) -> str:
    """Site path of page `name` in `lang`: '/fi/easy/aftercare/', '/easy/', '/en/'."""
    where = addresses.from_mkdocs(config)
    return where.href(where.page(lang, name))


# Hooks

def on_page_content(content, page, config, files):
    reader = i18n_state.current_language(config)
    written = getattr(page.file, "locale", reader)
    name = i18n_state.page_name(page, written)
    easy = is_easy(name)
    other = counterpart(name)
    link = None
    if written == reader and (Path(config.docs_dir) / reader / other).is_file():
        ui = config.extra["ui"]
        link = {"href": url_path(config, reader, other),
                "text": ui["easy_full_link"] if easy else ui["easy_link"]}
    if not easy and link is None:
        return content
    end = TITLE_END.search(content)
    cut = end.end() if end else 0
    template = config.theme.get_env().get_template("partials/easy-language.html")
    return template.render(easy=easy, link=link, heading=content[:cut], rest=content[cut:])
