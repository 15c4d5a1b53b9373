"""Fail the build on any warning from any language, and list them all.

Why not `mkdocs build --strict`: with mkdocs-static-i18n it aborts after the first
language that has a warning and miscounts, so an editor fixes one language at a time.
This hook collects every WARNING (and ERROR) logged by MkDocs and its plugins during
the whole multi-language build, prints them together with the language they came from,
deletes the half-built site and stops with a non-zero exit. `mkdocs serve` only lists
them, so live reload keeps working while an editor fixes them.

MkDocs names the file of a broken link or anchor but not the line ("Doc file
'fi/help.md' contains a link 'x.md', but ..."); this hook finds the line and puts
"docs/fi/help.md:12:" in front, as every other check of the site does.

The strictness does not depend on the log level the caller picks (on_startup):
- `mkdocs build --quiet` raises the "mkdocs" logger to ERROR, so WARNING records never
  reach a handler and a plain `--quiet` build passes what a plain build refuses
  (mkdocs#4126). The logger is kept at WARNING or below and the console handler at the
  level the caller chose: --quiet still prints no warnings, but every one is counted.
- `mkdocs build --verbose` puts the page logger at DEBUG, and MkDocs then skips the
  validation of #anchor links altogether (mkdocs#3991): that logger stays at INFO.
"""

import logging
import re
import shutil
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from portal import i18n_state

_records: list[tuple[str, str]] = []
_command = "build"


class _Collector(logging.Handler):
    def __init__(self, config_holder):
        super().__init__(level=logging.WARNING)
        self.config_holder = config_holder

    def emit(self, record):
        config = self.config_holder.get("config")
        lang = "?"
        if config is not None:
            try:
                lang = i18n_state.current_language(config)
            except Exception:  # before the i18n plugin is configured
                pass
        message = record.getMessage()
        # Material's own end-of-life notice is not about our content.
        if "end of life" in message:
            return
        if config is not None:
            message = with_line(message, Path(config.docs_dir))
        _records.append((lang or "all", message))


LINK_WARNING = re.compile(r"^Doc file '([^']+)' contains (?:a|an absolute|an unrecognized relative) link (?:to )?'([^']+)'")


NOT_IN_NAV = 'The following pages exist in the docs directory, but are not included in the "nav" configuration:'


def with_line(message: str, docs_dir: Path) -> str:
    """'docs/fi/x.md:12: Doc file ...' for MkDocs' warnings about a link in a page, and
    'docs/fi/x.md: ...' with the fix for a page left out of nav."""
    if message.startswith(NOT_IN_NAV):
        names = [line.strip()[2:] for line in message.splitlines()[1:] if line.strip().startswith("- ")]
        return "\n  ".join(f"{docs_dir.name}/{name}: the page is not in nav: add it to nav: in mkdocs.yml "
                            f"and its title to nav: in every locales/<code>.yml (EDITING.md, Add a page)"
                            for name in names)
    m = LINK_WARNING.match(message)
    if not m:
        return message
    path = docs_dir / m[1]
    label = f"{docs_dir.name}/{m[1]}"
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except OSError:
        return message
    target = m[2]
    for wanted in (f"]({target})", f"]({target} ", f"](<{target}>)", f"]({target}", target):
        number = next((n for n, line in enumerate(lines, 1) if wanted in line), None)
        if number:
            return f"{label}:{number}: {message}"
    return f"{label}: {message}"


_holder: dict = {}
_handler = _Collector(_holder)


def pin_log_levels(logger: logging.Logger) -> None:
    """Count every warning whatever --quiet or --verbose the caller gave (see above)."""
    chosen = logger.level or logging.WARNING
    for handler in logger.handlers:
        if handler is not _handler:
            handler.setLevel(max(handler.level, chosen))  # the console shows what the caller chose
    logger.setLevel(min(chosen, logging.WARNING))
    logging.getLogger("mkdocs.structure.pages").setLevel(logging.INFO)  # anchors validated under -v too


def on_startup(command, dirty):
    global _command
    _command = command
    logger = logging.getLogger("mkdocs")
    if _handler not in logger.handlers:
        logger.addHandler(_handler)
    pin_log_levels(logger)


@event_priority(100)
def on_config(config):
    _holder["config"] = config
    if i18n_state.first_language_build(config):
        _records.clear()  # a fresh build (also each rebuild under `mkdocs serve`)
    return config


def format_report(records) -> str:
    lines = [f"The build has {len(records)} warning(s); every one must be fixed:"]
    for lang, message in records:
        lines.append(f"  [{lang}] {message}")
    return "\n".join(lines)


@i18n_state.after_every_language(-300)  # last: after every other hook has had its say
def on_post_build(config):
    if not _records:
        return
    report = format_report(_records)
    if _command == "serve":
        logging.getLogger("mkdocs").info(report)
        return
    shutil.rmtree(Path(config.site_dir), ignore_errors=True)
    raise Abort(report + "\nThe half-built site was removed.")
