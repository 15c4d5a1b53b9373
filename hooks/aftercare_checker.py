"""Puts the aftercare rights checker where a page has `<!-- aftercare-checker -->`.

The form is rendered here, in the page's language (locales/ui.yml, checker_*), hidden
until assets/javascripts/aftercare-checker.js shows it: without JavaScript there is no
form that could send dates of birth anywhere, and the page's text still states the rules.
The rules themselves live in assets/javascripts/aftercare-rules.js.
"""

import html
import json

from ui_strings import month_names

MARKER = "<!-- aftercare-checker -->"


def form(ui: dict, lang: str = "") -> str:
    e = lambda key: html.escape(ui[key])  # noqa: E731
    strings = {k[len("checker_"):]: v for k, v in ui.items() if k.startswith("checker_")}
    months = month_names(lang)
    if months:  # a language whose dates the browser would write in the wrong order
        strings["months"] = months
    return f"""<form class="aftercare-checker" data-aftercare-checker hidden
      data-strings="{html.escape(json.dumps(strings, ensure_ascii=False), quote=True)}">
  <h3 id="aftercare-checker">{e("checker_title")}</h3>
  <p>{e("checker_intro")}</p>
  <p><label for="checker-birth">{e("checker_birth")}</label><br>
    <input type="date" id="checker-birth" name="birth" required autocomplete="off"></p>
  <fieldset>
    <legend>{e("checker_kind")}</legend>
    <label><input type="radio" name="kind" value="care" checked> {e("checker_kind_care")}</label><br>
    <label><input type="radio" name="kind" value="open"> {e("checker_kind_open")}</label><br>
    <label><input type="radio" name="kind" value="other"> {e("checker_kind_other")}</label>
  </fieldset>
  <p data-start><label for="checker-start">{e("checker_start")}</label><br>
    <input type="date" id="checker-start" name="start" autocomplete="off"></p>
  <p><label for="checker-end">{e("checker_end")}</label><br>
    <input type="date" id="checker-end" name="end" required autocomplete="off"></p>
  <p><button type="submit" class="md-button md-button--primary">{e("checker_submit")}</button></p>
  <div class="aftercare-checker__result" data-checker-result role="status" aria-live="polite"></div>
  <p><a href="#legal-basis">{e("checker_law")}</a></p>
</form>"""


def on_page_content(content, page, config, files):
    if MARKER not in content:
        return content
    return content.replace(MARKER, form(config.extra["ui"], config.extra.get("lang_code", "")))
