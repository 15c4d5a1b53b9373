"""site/languages.json: the site's languages and their home pages, for the web server.

    {"sv": "/", "fi": "/fi/", "en": "/en/", ...}     (mkdocs.yml's order; "/" is the default)

scripts/nginx_maps.py turns it into the Accept-Language maps of deploy/nginx.conf, so a
new language in mkdocs.yml reaches the server's language choice on "/" without anyone
editing the server configuration.
"""

import json
from pathlib import Path

from mkdocs.plugins import event_priority

from portal import addresses, i18n_state


@event_priority(-200)
def on_post_build(config):
    if not i18n_state.all_languages_built(config):
        return
    where = addresses.from_mkdocs(config)
    homes = {code: where.home(code) for code in where.codes}
    (Path(config.site_dir) / "languages.json").write_text(json.dumps(homes, indent=1), encoding="utf-8")
