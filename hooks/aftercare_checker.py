"""Puts the aftercare rights checker where a page has `<!-- aftercare-checker -->`.

The form is overrides/partials/aftercare-checker.html, in the page's language (the
`checker_*` strings of locales/<code>.yml), hidden until
assets/javascripts/aftercare-checker.js shows it: without JavaScript there is no form
that could send dates of birth anywhere, and the page's text still states the rules.
The rules themselves live in assets/javascripts/aftercare-rules.js.
"""

MARKER = "<!-- aftercare-checker -->"


def on_page_content(content, page, config, files):
    if MARKER not in content:
        return content
    ui = config.extra["ui"]
    strings = {k[len("checker_"):]: v for k, v in ui.items() if k.startswith("checker_")}
    form = config.theme.get_env().get_template("partials/aftercare-checker.html").render(ui=ui, strings=strings)
    return content.replace(MARKER, form)
