"""A 404 page in every language: site/404.html (default), site/fi/404.html, ...

MkDocs renders the 404 template once per build into site/404.html; with
mkdocs-static-i18n every language's build overwrites it, so the last language built
wins. This hook keeps each language's rendering and writes it under the language's
prefix once all languages are built. The web server maps /fi/... misses to
/fi/404.html (deploy/), and a static host can at least serve the root one.
"""

from pathlib import Path

from portal import addresses, i18n_state

_pages: dict[str, str] = {}


def on_post_template(output_content, template_name, config):
    if template_name == "404.html":
        _pages[i18n_state.current_language(config)] = output_content
    return output_content


@i18n_state.after_every_language()
def on_post_build(config):
    site = Path(config.site_dir)
    where = addresses.from_mkdocs(config)
    for lang in where.codes:
        if lang not in _pages:
            raise RuntimeError(f"no 404 page was rendered for '{lang}'")
        target = where.file(site, where.home(lang) + "404.html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_pages[lang], encoding="utf-8")
    _pages.clear()
