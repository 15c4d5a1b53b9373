"""One search index per language, with that language's stop words and no stemmer.

Out of the box mkdocs-static-i18n merges every language into one site/search/
search_index.json with lunr configured for all languages at once: a Finnish reader
gets Swedish hits and downloads every stemmer. After the last language is built, this
hook splits that index into site/search/ (default language), site/fi/search/,
site/en/search/ ..., each with `lang: [<that language>]` and locations relative to the
language's root. overrides/main.html points Material's search at the language root, so
a Finnish page loads /fi/search/search_index.json and searches Finnish pages only.

Each language's lunr settings come from locales/<code>.yml `search:`: a lunr language
Material ships (sv, fi, en, ru, ar, ...) for its stop words, or `exact` where lunr has
none (Estonian, Ukrainian, Somali, Persian). Stemmers stay off, as in Material's own
default: Material appends * to every query word and lunr skips stemming for wildcard
words, so a stemmed index would miss a word typed in full ("aftercare*" against the stem
"aftercar"). The trailing * finds inflected forms that start with what the reader typed
("jälkihuol" finds "jälkihuollon"). The trimmer stays off too: lunr's English trimmer
would strip every letter outside a-z (Cyrillic, Arabic script), and the language
trimmers strip digits, so 112 could not be found. Exact-words languages also split
words at punctuation.
"""

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from portal import i18n_state, locales


# Exact-words languages split at punctuation too (no trimmer removes it).
# Apostrophes are kept: they are part of Ukrainian and Somali words.
EXACT_SEPARATOR = r'[\s\-,:;.!?=\[\]()"/«»„“”…\u060C\u061B\u061F\u06D4]+'
STOP_WORDS_ONLY = ["stopWordFilter"]


def search_config(base: dict, stemmer: str) -> dict:
    """The lunr settings of one language's index."""
    if stemmer == "exact":
        return dict(base, lang=["en"], pipeline=[], separator=EXACT_SEPARATOR)
    return dict(base, lang=[stemmer], pipeline=STOP_WORDS_ONLY)


def split_index(index: dict, languages: list[str], default: str, stemmers: dict[str, str] | None = None) -> dict[str, dict]:
    """Return {lang: index} with each entry in exactly one language's index."""
    stemmers = stemmers or {lang: lang for lang in languages}
    prefixes = {lang: f"{lang}/" for lang in languages if lang != default}
    out = {lang: {"config": search_config(index["config"], stemmers[lang]), "docs": []} for lang in languages}
    for doc in index["docs"]:
        location = doc["location"]
        lang = next((code for code, p in prefixes.items() if location.startswith(p)), default)
        if lang != default:
            location = location[len(prefixes[lang]):]
        out[lang]["docs"].append(dict(doc, location=location))
    return out


def page_file(location: str) -> str:
    """'aftercare.md' for 'aftercare/#how-long', 'index.md' for '' or '#need-help-now'."""
    path = location.split("#")[0].strip("/")
    return (path or "index") + ".md"


@event_priority(-200)
def on_post_build(config):
    if not i18n_state.all_languages_built(config):
        return
    site = Path(config.site_dir)
    merged = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    default = i18n_state.default_language(config)
    langs = i18n_state.languages(config)
    stemmers = {lang: locales.load(lang, i18n_state.locales_dir(config)).get("search", lang) for lang in langs}
    docs = Path(config.docs_dir)
    for lang, index in split_index(merged, langs, default, stemmers).items():
        # a page not yet translated is shown from Swedish (fallback): it is not searchable
        # in this language, or a Russian search would list Swedish pages
        index["docs"] = [d for d in index["docs"] if (docs / lang / page_file(d["location"])).is_file()]
        target = site / i18n_state.prefix(config, lang) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
