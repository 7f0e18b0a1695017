"""The file cache lists its directory on one write in CULL_EVERY, and still stays bounded."""

from unittest import mock

from home.file_cache import FileCache


def make_cache(tmp_path, max_entries):
    cache = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": max_entries}})
    cache.CULL_EVERY = 5
    return cache


def test_writes_do_not_list_the_directory_each_time(tmp_path):
    cache = make_cache(tmp_path, max_entries=1000)
    with mock.patch.object(
        cache, "_list_cache_files", wraps=cache._list_cache_files
    ) as listing:
        for number in range(20):
            cache.set(f"key-{number}", number)
    assert listing.call_count == 4
    assert [cache.get(f"key-{number}") for number in range(20)] == list(range(20))


def test_the_cache_is_still_culled(tmp_path):
    cache = make_cache(tmp_path, max_entries=10)
    for number in range(100):
        cache.set(f"key-{number}", number)
        assert len(cache._list_cache_files()) <= 10 + cache.CULL_EVERY
