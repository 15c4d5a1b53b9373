"""Puts the aftercare rights checker where a page has `<!-- aftercare-checker -->`.

The form is overrides/partials/aftercare-checker.html, in the page's language (the
`checker_*` strings of locales/<code>.yml), hidden until
assets/javascripts/aftercare-checker.js shows it: without JavaScript there is no form
that could send dates of birth anywhere, and the page's text still states the rules.
The rules themselves live in assets/javascripts/aftercare-rules.js.
"""

from portal.dates import month_names
from portal.markers import AFTERCARE_CHECKER

MARKERS = (AFTERCARE_CHECKER,)


def on_page_content(content, page, config, files):
    if not AFTERCARE_CHECKER.found_in(content):
        return content
    ui = config.extra["ui"]
    strings = {k[len("checker_"):]: v for k, v in ui.items() if k.startswith("checker_")}
    months = month_names(config.extra.get("lang_code", ""))
    if months:  # a language whose dates the browser would write in the wrong order
        strings["months"] = months
    form = config.theme.get_env().get_template("partials/aftercare-checker.html").render(ui=ui, strings=strings)
    return AFTERCARE_CHECKER.replace(content, form)
