"""Demo content for cirklar (see home/app_modules.py).

The Hitta en studiecirkel page comes from cirklar/demo_pages.py.
"""

from . import demo_pages


def load(stdout, *, with_accounts=False):
    demo_pages.load(stdout, with_accounts=with_accounts)
