"""Django's file-based cache, made cheap to write to when it holds many entries.

Its entries are compressed at zlib's fastest level rather than the default: a page
entry holds the page already compressed with gzip beside the plain HTML, and
compressing it all again at level 6 cost more than writing the file.


Before every write, Django's FileBasedCache lists its whole directory to learn whether
it has grown past MAX_ENTRIES. The page cache keeps thousands of pages (every search
asked for is one), and listing them costs more than rendering a page. This backend
makes that check on one write in CULL_EVERY, so the cache may exceed MAX_ENTRIES by at
most that many entries per process before it is culled as Django culls it.
"""

import itertools
import pickle
import zlib

from django.core.cache.backends.filebased import FileBasedCache


class FileCache(FileBasedCache):
    CULL_EVERY = 50

    def __init__(self, dir, params):  # noqa: A002 - Django's own signature
        super().__init__(dir, params)
        self._writes = itertools.count(1)

    def _write_content(self, file, timeout, value):
        # As Django's, at zlib's fastest level; get() decompresses any level.
        expiry = self.get_backend_timeout(timeout)
        file.write(pickle.dumps(expiry, self.pickle_protocol))
        file.write(zlib.compress(pickle.dumps(value, self.pickle_protocol), 1))

    def _cull(self):
        # itertools.count is safe to share between a worker's threads.
        if next(self._writes) % self.CULL_EVERY == 0:
            super()._cull()
