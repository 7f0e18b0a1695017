"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

A package (this file) so that the demo-content snapshot in conftest.py can be
package-scoped: it is taken before the first browser test and dropped after the last.
"""
