"""Glossary terms explained where they appear, from the one glossary, in the page's language.

Pages link a term to its glossary entry (`[eftervård](glossary.md#aftercare)`). This hook
gives every such link a title with the Finnish term and the entry's first sentence
("huostaanotto: Vid ett omhändertagande tar ..."), taken from docs/<language>/glossary.md,
which Material's content.tooltips shows as a tooltip on hover and keyboard focus. The
Finnish term is the one on the letters a family receives; each glossary entry gives it
in a line of its own after the definition, marked `<span lang="fi">` ("På finska:
<span lang="fi">huostaanotto</span>."). The Finnish glossary's entries are Finnish
already and have no such line: their tooltips are the sentence alone. The link still
leads to the full entry, with or without JavaScript. A link to an entry that does not
exist is already a build error (anchors).
Easy-language pages get no tooltips: they explain each word where it appears, and a
tooltip is one more thing to find and read (hooks/easy_language_links.py).
"""

import html
import re
from pathlib import Path

from portal import docs_model, i18n_state


# the entry's "In Finnish: <span lang="fi">term</span>" line: a short label, then the term
FINNISH_TERM = re.compile(r'^[^<]{0,40}<span lang="fi">([^<]+)</span>')
# A term's link, written in Markdown as glossary.md#id: relative, to this language's
# glossary. An absolute address is not a term in the text: the list of addresses for
# letters links every language's glossary entry by its full address (hooks/links_composer.py),
# and 189 tooltips in the wrong language there cost a phone half a second (Material mounts
# one per [title] when the page loads).
LINK = re.compile(r'<a href="((?:\.\./)*glossary/#([\w-]+))"')
_cache: dict[Path, dict[str, str]] = {}


def plain(markdown: str) -> str:
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"[*_`]", "", text)
    return " ".join(text.split())


def first_sentence(text: str) -> str:
    m = re.match(r"(.+?[.!?])(\s|$)", text)
    return m.group(1) if m else text


def finnish_term(paragraphs: list[str]) -> str | None:
    """The Finnish term from an entry's paragraphs after the definition, if it gives one."""
    for paragraph in paragraphs[1:]:
        m = FINNISH_TERM.match(paragraph)
        if m:
            return " ".join(m.group(1).split())
    return None


def definitions(glossary: Path) -> dict[str, str]:
    """{term id: "Finnish term: first sentence of its entry"} from a glossary page."""
    if glossary not in _cache:
        page = docs_model.parse(glossary, "", glossary.name)
        lines = page.lines
        found = {}
        for heading in page.headings:
            if heading.level != 2 or not heading.id:
                continue
            paragraphs, current = [], []
            for line in lines[heading.line:] + [""]:
                if line.startswith("#"):
                    break
                if line.strip():
                    current.append(line.strip())
                elif current:
                    paragraphs.append(" ".join(current))
                    current = []
            if current:
                paragraphs.append(" ".join(current))
            if paragraphs:
                sentence = first_sentence(plain(paragraphs[0]))
                term = finnish_term(paragraphs)
                found[heading.id] = f"{term}: {sentence}" if term else sentence
        _cache[glossary] = found
    return _cache[glossary]


def on_config(config):
    _cache.clear()
    return config


def on_page_content(content, page, config, files):
    written = getattr(page.file, "locale", None) or i18n_state.current_language(config)
    # an untranslated page shown in another language (hooks/fallback_notice.py): that
    # language's glossary, so the tooltip is in the language of the text around it
    lang = getattr(page, "fallback_shown_in", written)
    glossary = Path(config.docs_dir) / lang / "glossary.md"
    if not glossary.is_file() or page.file.src_uri.endswith("glossary.md"):
        return content
    if i18n_state.page_name(page, written).startswith("easy/"):
        return content
    terms = definitions(glossary)

    def add_title(match):
        text = terms.get(match.group(2))
        if not text:
            return match.group(0)
        return f'{match.group(0)} title="{html.escape(text, quote=True)}"'

    return LINK.sub(add_title, content)
