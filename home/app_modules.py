"""Each app's optional demo and bench modules, found the same way by every command.

An app takes part in `manage.py load_demo_content` and in `make bench` by having a
module of that name; nothing is registered anywhere. The apps are visited in
INSTALLED_APPS order, lowest layer first, so a higher app finds the pages it hangs
its own under (the home page before the study material, and so on).

What a new app provides:

`<app>/demo.py`, for `manage.py load_demo_content` (and so `make run`, the browser tests
and the bench, which start from the demo content):

    load(stdout, *, with_accounts=False)
        Create the app's demo content, idempotently: a second run changes nothing and
        duplicates nothing (tests/home/test_demo_content.py runs it twice). Write one
        line to `stdout` saying what was made. `with_accounts` is True only with DEBUG
        on; create demo accounts only then. The command rebuilds the search and
        reference indexes afterwards.

`<app>/bench.py`, for `manage.py seed_bench_data` and `make bench` (scripts/bench/):

    seed(stdout, scale)
        Top the app's bench data up to the amount `scale` asks for (an integer, 1 or
        10 in `make bench`), on top of the demo content, so that a second run at the
        same scale adds nothing. Write one line to `stdout`. Bulk writes skip the
        signals; the command clears the page cache afterwards.

    describe(scale)                      optional
        A short Swedish description of what `seed` makes at that scale, for the report
        ("1 000 nyheter").

    pages()                              optional
        The app's pages to measure, as a list of `home.bench.BenchPage`, read from the
        seeded database (`home.bench.demo_page` finds a demo page of a type). Raise
        LookupError when a page the list needs is missing. The bench measures them in
        the order of their kind (cached, uncached, cache miss), app by app.

    seeded_samples()                     optional
        (url, text) pairs for a few of the pages `seed` created in bulk: the bench checks
        that each answers 200 and shows the text, since bulk creation skips what
        Wagtail's own page creation does.
"""

from importlib import import_module

from django.apps import apps


def app_modules(name):
    """Yield `<app>.<name>` for every installed app that has such a module.

    In INSTALLED_APPS order. An app without the module is skipped; an error inside a
    module that exists is raised, not mistaken for a missing module.
    """
    for app_config in apps.get_app_configs():
        module_name = f"{app_config.name}.{name}"
        try:
            module = import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        yield module
