"""Search text as both search backends and the search view take it.

A module without dependencies, so that home/search_backend.py and
home/search_backend_sqlite.py (which the first imports on SQLite) share it without
importing each other.
"""

import unicodedata


def printable(text):
    """The text with control and format characters (a NUL among them) as spaces."""
    return "".join(
        " " if unicodedata.category(char)[0] == "C" else char for char in text
    )
