"""Outdated translations: a notice on the page, and a status page for editors.

A translation records `source_hash`, the fingerprint of its source page (docs/sv/...)
when it was made (scripts/check_translations.py --stamp). When the source has changed
since, the translated page gets a notice at the top in its own language, linking to the
source page. After the build, site/translation-status/index.html lists every page and
language as source / up to date / outdated / missing. The comparison itself lives in
scripts/check_translations.py and scripts/docs_model.py, shared with the CI check.
"""

import html
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

import i18n_state

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import check_translations  # noqa: E402
import docs_model  # noqa: E402
import site_config  # noqa: E402


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
    if str(page.meta.get("source_hash")) == docs_model.body_hash(source.body):
        return markdown
    ui = config.extra["ui"]
    # An absolute URL: a relative one to another language's folder is not a doc link
    # MkDocs can validate in this language's build. scripts/check_links.py checks it.
    link = config.site_url + ("" if name == "index.md" else name[:-3] + "/")
    notice = (f'!!! warning "{ui["outdated_title"]}"\n'
              f'    {ui["outdated_text"]} [{ui["outdated_link"]}]({link}){{ hreflang="{default}" }}\n\n')
    return notice + markdown


STATUS_CSS = """body{font-family:system-ui,sans-serif;margin:1rem;color:#1a1a1a}table{border-collapse:collapse}
th,td{border:1px solid #767676;padding:.3rem .6rem;text-align:left}.state-outdated,.state-missing{background:#fde8e8}
"""


@event_priority(-200)
def on_post_build(config):
    if not i18n_state.all_languages_built(config):
        return
    default = i18n_state.default_language(config)
    settings = site_config.SiteConfig(
        site_url=config.site_url, docs_dir=Path(config.docs_dir), site_dir=Path(config.site_dir),
        languages=[site_config.Language(c, c, default=c == default) for c in i18n_state.languages(config)],
    )
    rows = check_translations.status_rows(settings)
    codes = settings.codes
    by_page: dict[str, dict[str, str]] = {}
    for name, code, state in rows:
        by_page.setdefault(name, {})[code] = state
    body = []
    for name, states in by_page.items():
        cells = "".join(f'<td class="state-{states[c].replace(" ", "-")}">{html.escape(states[c])}</td>' for c in codes)
        body.append(f"<tr><th scope=\"row\">{html.escape(name)}</th>{cells}</tr>")
    head = "".join(f"<th scope=\"col\">{c}</th>" for c in codes)
    out = Path(config.site_dir) / "translation-status" / "index.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    # a stylesheet file, not a <style> block: the Content-Security-Policy allows no inline style
    (out.parent / "status.css").write_text(STATUS_CSS, encoding="utf-8")
    out.write_text(f"""<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>Translation status - for editors</title>
<link rel="stylesheet" href="status.css">
</head>
<body><main>
<h1>Translation status</h1>
<p>For editors. Each translation is compared with its source page in <code>docs/{settings.default}/</code>.
After updating a translation, run <code>scripts/check_translations.py --stamp docs/LANG/PAGE.md</code>.</p>
<table><thead><tr><th scope="col">page</th>{head}</tr></thead>
<tbody>{''.join(body)}</tbody></table>
</main></body></html>
""", encoding="utf-8")
