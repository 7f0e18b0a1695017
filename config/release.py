"""The release the code is: part of every page-cache key, so a deploy shows its changes.

Set RELEASE in the environment (a tag or commit, as a deploy knows it). Without it, the
release is a digest of the code and templates themselves, so that every server running
the same files agrees on it and a changed file gives a new one; static files need no
part in it, since their names carry their own hash.
"""

import hashlib
import os
from pathlib import Path

SUFFIXES = {".py", ".html", ".txt", ".xml", ".po", ".mo"}
SKIP_DIRS = {
    ".git",
    ".venv",
    "node_modules",
    "__pycache__",
    "media",
    "staticfiles",
    "tests",
    "scripts",
}


def code_digest(base_dir):
    """A short digest of every source file and template under base_dir, in path order."""
    digest = hashlib.sha256()
    base_dir = Path(base_dir)
    for directory, dirnames, filenames in os.walk(base_dir):
        dirnames[:] = sorted(
            name
            for name in dirnames
            if name not in SKIP_DIRS and not name.startswith(".")
        )
        for name in sorted(filenames):
            path = Path(directory, name)
            if path.suffix in SUFFIXES:
                digest.update(str(path.relative_to(base_dir)).encode())
                digest.update(b"\0")
                digest.update(path.read_bytes())
                digest.update(b"\0")
    return digest.hexdigest()[:16]


def release(base_dir):
    return os.environ.get("RELEASE", "").strip() or code_digest(base_dir)
