"""Right-to-left languages: dir="rtl" on <html>, and numbers that stay readable.

Material sets the text direction only on <body> (from theme.direction, which
hooks/ui_strings.py takes from locales/<code>.yml). Screen readers, the browser's own
UI and CSS :dir() look at <html>, so this hook writes dir there too, in every language.

In right-to-left text the bidirectional algorithm reorders groups of digits separated by
spaces: the phone number "09 2525 0111" would show as "0111 2525 09", and the opening
hours "17–20" (an en dash is a neutral) as "20–17". Numbers must read and dial as
written, so in RTL pages every such run of digit groups is wrapped in <span dir="ltr">
(overrides/partials/ltr-number.html; it also isolates it from the surrounding text). Dates (1.1.2024) and law numbers
(417/2007) stay together by themselves.

Arabic and Persian attach some one-letter words to the next word: "و34–50" ("and 34–50"),
"ب09 2525 0111". A number right after such a letter is wrapped too (the letter stays
outside the span): without the isolate, digits after an Arabic letter count as Arabic
numbers and the range shows as "50–34". Latin and Cyrillic letters, digits, "/" and "."
before a number still mean it is part of a longer token (an address, 417/2007) and it is
left alone.

The same wrapping is applied to text the theme writes from front matter (the titles of
the sources list in overrides/partials/page-facts.html) through the Jinja filter
`ltr_numbers`, which this hook registers.
"""

import re

from portal.locales import DEFAULT_DIRECTION
from markupsafe import Markup, escape

HTML_TAG = re.compile(r"<html\b([^>]*)>", re.I)
# at least two digit groups separated by single (no-break) spaces or en dashes:
# 09 2525 0111, 17–20, 14 – 17
# Not after a digit, a Latin or Cyrillic letter, "_", "/" or "." (part of a longer token);
# an Arabic-script letter right before the number is a prefix word ("و", "ب", "ل").
NOT_A_PREFIX = r"0-9A-Za-z\u00c0-\u024f\u0400-\u04ff_/."
DIGIT_GROUPS = re.compile(rf"(?<![{NOT_A_PREFIX}])\+?\d+(?:(?:[ \u00a0]|\s?\u2013\s?)\d+)+(?![\w/])")
TEXT = re.compile(r"(<[^>]*>)")
TEMPLATE = "partials/ltr-number.html"


def keep_numbers_ltr(content: str, template) -> str:
    """Wrap digit groups in text (never inside tags or attribute values) in the
    template's dir=ltr span."""
    parts = TEXT.split(content)
    for i in range(0, len(parts), 2):  # even indexes are text between tags
        parts[i] = DIGIT_GROUPS.sub(lambda m: template.render(number=Markup(m.group(0))), parts[i])
    return "".join(parts)


def on_env(env, config, files):
    template = env.get_template(TEMPLATE)

    def ltr_numbers(text, direction: str = "ltr") -> Markup:
        """Jinja filter: the text, escaped, with its digit groups kept left to right in RTL pages."""
        escaped = escape(text)
        if direction != "rtl":
            return escaped
        return Markup(keep_numbers_ltr(str(escaped), template))

    env.filters["ltr_numbers"] = ltr_numbers
    return env


def on_page_content(content, page, config, files):
    if config.extra.get("lang_direction") == "rtl":
        return keep_numbers_ltr(content, config.theme.get_env().get_template(TEMPLATE))
    return content


def with_dir(output: str, direction: str) -> str:
    def add_dir(match):
        attrs = re.sub(r'\sdir="[^"]*"', "", match.group(1))
        return f'<html{attrs} dir="{direction}">'

    return HTML_TAG.sub(add_dir, output, count=1)


def on_post_page(output, page, config):
    return with_dir(output, config.extra.get("lang_direction", DEFAULT_DIRECTION))


def on_post_template(output_content, template_name, config):
    """The 404 page is a template, not a page."""
    if template_name == "404.html":
        return with_dir(output_content, config.extra.get("lang_direction", DEFAULT_DIRECTION))
    return output_content
