"""A phone number never breaks across lines.

"09 2525 0111" is three groups joined by spaces, and a browser may break a line at any
of them: on a phone the reader saw "09 2525" at the end of one line and "0111" at the
start of the next, in every language (measured in Chromium at 390 px). A number read in
two pieces is misdialled.

Which numbers are phone numbers is the fact parser's rule (portal/facts.py
PHONE_NUMBER: digit groups starting with 0, + or 116), so the numbers kept whole are the
ones the fact check compares between languages. Each one in the page's text (never inside
a tag or an attribute, so tel: links keep their address) is wrapped in
overrides/partials/phone-number.html, a span that site.css keeps on one line. The words
around it still wrap; the longest number is narrower than a 320 px screen.

Runs before hooks/text_direction.py (mkdocs.yml's order): in a right-to-left page the
number's digits then also get their left-to-right span, inside this one.
"""

import re

from markupsafe import Markup

from portal.facts import PHONE_NUMBER

TEXT = re.compile(r"(<[^>]*>)")
TEMPLATE = "partials/phone-number.html"


def keep_phone_numbers_whole(content: str, template) -> str:
    """Wrap each phone number in text (never inside tags or attribute values) in the
    template's span."""
    parts = TEXT.split(content)
    for i in range(0, len(parts), 2):  # even indexes are text between tags
        parts[i] = PHONE_NUMBER.sub(lambda m: template.render(number=Markup(m.group(0))), parts[i])
    return "".join(parts)


def on_page_content(content, page, config, files):
    return keep_phone_numbers_whole(content, config.theme.get_env().get_template(TEMPLATE))
