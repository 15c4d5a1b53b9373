"""One search index per language, each with only its own stemmer.

Out of the box mkdocs-static-i18n merges every language into one site/search/
search_index.json with lunr configured for all languages at once: a Finnish reader
gets Swedish hits and downloads every stemmer. After the last language is built, this
hook splits that index into site/search/ (default language), site/fi/search/,
site/en/search/ ..., each with `lang: [<that language>]` and locations relative to the
language's root. overrides/main.html points Material's search at the language root, so
a Finnish page loads /fi/search/search_index.json and searches Finnish pages only.
"""

import json
from pathlib import Path

from mkdocs.plugins import event_priority

import i18n_state


def split_index(index: dict, languages: list[str], default: str) -> dict[str, dict]:
    """Return {lang: index} with each entry in exactly one language's index."""
    prefixes = {lang: f"{lang}/" for lang in languages if lang != default}
    out = {lang: {"config": dict(index["config"], lang=[lang]), "docs": []} for lang in languages}
    for doc in index["docs"]:
        location = doc["location"]
        lang = next((code for code, p in prefixes.items() if location.startswith(p)), default)
        if lang != default:
            location = location[len(prefixes[lang]):]
        out[lang]["docs"].append(dict(doc, location=location))
    return out


@event_priority(-200)
def on_post_build(config):
    if not i18n_state.all_languages_built(config):
        return
    site = Path(config.site_dir)
    merged = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    default = i18n_state.default_language(config)
    for lang, index in split_index(merged, i18n_state.languages(config), default).items():
        target = site / i18n_state.prefix(config, lang) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
