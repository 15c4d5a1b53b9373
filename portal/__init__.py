"""Code shared by the build hooks (hooks/), the checks and tools (scripts/) and the tests.

Installed into the project's virtual environment as an editable package (pyproject.toml),
so every one of them imports it the same way: `from portal import docs_model`.
"""
