"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

A package, so that the fixtures scoped to it in conftest.py are torn down after the last
browser test rather than at the end of the whole run.
"""
