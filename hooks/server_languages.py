"""site/languages.json: the site's languages and their home pages, for the web server.

    {"sv": "/", "fi": "/fi/", "en": "/en/", ...}     (mkdocs.yml's order; "/" is the default)

scripts/nginx_maps.py turns it into the Accept-Language maps of deploy/nginx.conf, so a
new language in mkdocs.yml reaches the server's language choice on "/" without anyone
editing the server configuration.
"""

import json
from pathlib import Path

from portal import addresses, i18n_state


@i18n_state.after_every_language()
def on_post_build(config):
    where = addresses.from_mkdocs(config)
    homes = {code: where.home(code) for code in where.codes}
    (Path(config.site_dir) / "languages.json").write_text(json.dumps(homes, indent=1), encoding="utf-8")
