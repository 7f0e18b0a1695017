"""The cirklar app's Wagtail hooks."""

# The circles on the kommun pages and the module pages (helper "visitors").
from . import public_hooks  # noqa: F401
