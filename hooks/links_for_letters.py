"""The "links for letters" page: every page and main section with its URL in every language.

A social worker writing to a bilingual family pastes both links. The page's Markdown
holds the marker `<!-- links-for-letters -->`; this hook replaces it with a list built
from docs/ (nav order, each language's own titles and section headings), so the list
can never fall behind the site. Every address comes from portal/addresses.py.
"""

from pathlib import Path

from portal import addresses, docs_model, i18n_state
from portal.markers import LINKS_FOR_LETTERS

MARKERS = (LINKS_FOR_LETTERS,)


def on_page_markdown(markdown, page, config, files):
    if not LINKS_FOR_LETTERS.found_in(markdown):
        return markdown
    lang = i18n_state.current_language(config)
    where = addresses.from_mkdocs(config)
    names = config.extra["ui_all"]
    docs = Path(config.docs_dir)
    whole = config.extra["ui"]["composer_whole_page"]
    out = []
    for name in i18n_state.nav_files(config):
        own = docs / lang / name
        if not own.is_file():
            continue
        doc = docs_model.parse(own, lang, name)
        has = [code for code in where.codes if (docs / code / name).is_file()]
        anchor = "page-" + (addresses.page_path(name).rstrip("/").replace("/", "-") or "home")
        out.append(f"### {doc.meta.get('title') or name} {{#{anchor}}}\n")

        def links(section=None):
            return " · ".join(f"[{names[c]['language_name']}]({where.url(where.page(c, name, section))})"
                              f"{{ lang={c} hreflang={c} }}" for c in has)
        # one line for the page and one per section, each with its address in every
        # language that has the page (the language names as link text: the composer above
        # shows the addresses themselves)
        out.append(f"- {whole}: {links()}")
        out += [f"- {h.text} (`#{h.id}`): {links(h.id)}" for h in addresses.offered_sections(doc.headings)]
        out.append("")
    return LINKS_FOR_LETTERS.replace(markdown, "\n".join(out))
