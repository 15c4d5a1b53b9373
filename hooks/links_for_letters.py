"""The "links for letters" page: every page and main section with its URL in every language.

A social worker writing to a bilingual family pastes both links. The page's Markdown
holds the marker `<!-- links-for-letters -->`; this hook replaces it with a list built
from docs/ (nav order, each language's own titles and section headings), so the list
can never fall behind the site.
"""

from pathlib import Path

from portal import docs_model, i18n_state, site_config


MARKER = "<!-- links-for-letters -->"


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    lang = i18n_state.current_language(config)
    codes = i18n_state.languages(config)
    names = config.extra["ui_all"]
    nav = site_config.load(i18n_state.project_root(config) / "mkdocs.yml").nav_files
    url = config.site_url.rstrip("/") + "/"
    out = []
    for name in nav:
        own = Path(config.docs_dir) / lang / name
        if not own.is_file():
            continue
        doc = docs_model.parse(own, lang, name)
        slug = site_config.page_path(name).rstrip("/")  # "easy/aftercare", "" for the home page
        anchor = "page-" + (slug.replace("/", "-") or "home")
        title = doc.meta.get("title") or name
        out.append(f"### {title} {{#{anchor}}}\n")
        for code in codes:
            if (Path(config.docs_dir) / code / name).is_file():
                full = url + i18n_state.prefix(config, code) + (slug + "/" if slug else "")
                out.append(f"- {names[code]['language_name']}: <{full}>")
        sections = [h for h in doc.headings if h.level == 2 and h.id and h.id not in ("related-pages", "legal-basis")]
        if sections:
            out.append("")
            for h in sections:
                per_lang = " · ".join(
                    f"[{names[c]['language_name']}]({url + i18n_state.prefix(config, c) + (slug + '/' if slug else '')}#{h.id})"
                    for c in codes if (Path(config.docs_dir) / c / name).is_file())
                out.append(f"    - {h.text} (`#{h.id}`): {per_lang}")
        out.append("")
    return markdown.replace(MARKER, "\n".join(out))
