"""Glossary terms explained where they appear, from the one glossary, in the page's language.

Pages link a term to its glossary entry (`[eftervård](glossary.md#aftercare)`). This hook
gives every such link a title with the entry's first sentence, taken from
docs/<language>/glossary.md, which Material's content.tooltips shows as a tooltip on
hover and keyboard focus. The link still leads to the full entry, with or without
JavaScript. A link to an entry that does not exist is already a build error (anchors).
Easy-language pages get no tooltips: they explain each word where it appears, and a
tooltip is one more thing to find and read (hooks/easy_language_links.py).
"""

import html
import re
from pathlib import Path

from portal import docs_model, i18n_state


LINK = re.compile(r'<a href="((?:[^"]*/)?glossary/#([\w-]+))"')
_cache: dict[Path, dict[str, str]] = {}


def plain(markdown: str) -> str:
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"[*_`]", "", text)
    return " ".join(text.split())


def first_sentence(text: str) -> str:
    m = re.match(r"(.+?[.!?])(\s|$)", text)
    return m.group(1) if m else text


def definitions(glossary: Path) -> dict[str, str]:
    """{term id: first sentence of its entry} from a glossary page."""
    if glossary not in _cache:
        page = docs_model.parse(glossary, "", glossary.name)
        lines = page.lines
        found = {}
        for heading in page.headings:
            if heading.level != 2 or not heading.id:
                continue
            paragraph = []
            for line in lines[heading.line:]:
                if line.startswith("#"):
                    break
                if line.strip():
                    paragraph.append(line.strip())
                elif paragraph:
                    break
            if paragraph:
                found[heading.id] = first_sentence(plain(" ".join(paragraph)))
        _cache[glossary] = found
    return _cache[glossary]


def on_config(config):
    _cache.clear()
    return config


def on_page_content(content, page, config, files):
    lang = getattr(page.file, "locale", None) or i18n_state.current_language(config)
    glossary = Path(config.docs_dir) / lang / "glossary.md"
    if not glossary.is_file() or page.file.src_uri.endswith("glossary.md"):
        return content
    if i18n_state.page_name(page, getattr(page.file, "locale", lang)).startswith("easy/"):
        return content
    terms = definitions(glossary)

    def add_title(match):
        text = terms.get(match.group(2))
        if not text:
            return match.group(0)
        return f'{match.group(0)} title="{html.escape(text, quote=True)}"'

    return LINK.sub(add_title, content)
