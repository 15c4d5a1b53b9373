"""A built page's article as search documents: one per section, as the site's search
reads them (hooks/search_index.py writes them, search-on-demand.js indexes them).

Python's own HTMLParser is enough here: the article is the theme's well-formed output,
and only three things matter: where a section starts (a heading with an id), what is
left out (elements with one of the skipped classes), and the text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

HEADINGS = {"h1", "h2", "h3"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Text that ends a word: block elements and line breaks.
BLOCKS = {"p", "li", "ul", "ol", "div", "br", "tr", "td", "th", "table", "details", "summary",
          "dd", "dt", "blockquote", "section", "figcaption"}


class _Sections(HTMLParser):
    def __init__(self, skip_classes: set[str]):
        super().__init__(convert_charrefs=True)
        self.skip_classes = skip_classes
        self.sections: list[dict] = []
        self.stack: list[tuple[str, bool]] = []   # (tag, skipped here)
        self.skipping = 0
        self.heading: dict | None = None          # the heading being read
        self.in_article = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article" and "md-content__inner" in (attrs.get("class") or ""):
            self.in_article = True
        if not self.in_article or tag in VOID:
            if tag == "br":
                self._text(" ")
            return
        skipped = bool(self.skip_classes & set((attrs.get("class") or "").split()))
        self.stack.append((tag, skipped))
        if skipped:
            self.skipping += 1
        if self.skipping:
            return
        if tag in HEADINGS and attrs.get("id"):
            self.heading = {"id": attrs["id"], "title": [], "text": []}
        elif tag in BLOCKS:
            self._text(" ")

    def handle_endtag(self, tag):
        if not self.in_article:
            return
        if tag == "article":
            self.in_article = False
            return
        while self.stack:
            open_tag, skipped = self.stack.pop()
            if skipped:
                self.skipping -= 1
            if open_tag == tag:
                break
        if self.skipping:
            return
        if tag in HEADINGS and self.heading is not None:
            self.sections.append(self.heading)
            self.heading = None
        elif tag in BLOCKS:
            self._text(" ")

    def handle_data(self, data):
        if self.in_article and not self.skipping:
            self._text(data)

    def _text(self, data):
        if self.heading is not None:
            self.heading["title"].append(data)
        elif self.sections:
            self.sections[-1]["text"].append(data)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def sections(page_html: str, skip_classes: set[str]) -> list[dict]:
    """[{"id", "title", "text"}] of the article, the first being the page title (h1)
    with its introduction. Text before the first heading is left out."""
    parser = _Sections(skip_classes)
    parser.feed(page_html)
    parser.close()
    return [{"id": s["id"], "title": squash("".join(s["title"])), "text": squash("".join(s["text"]))}
            for s in parser.sections]
