"""Compile each theme template once per build, not once per language.

mkdocs-static-i18n builds every language with a fresh Jinja environment, so Material's
templates were compiled nine times: about a quarter of the build time, which must stay
under 20 s for the real site. This hook gives every environment the same in-memory
bytecode cache. Jinja checks the template source's checksum before using cached code,
so an edited template (mkdocs serve) is compiled again.
"""

from jinja2 import BytecodeCache


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        data = self.store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket):
        self.store[bucket.key] = bucket.bytecode_to_string()


CACHE = MemoryBytecodeCache()


def on_env(env, config, files):
    env.bytecode_cache = CACHE
    return env
