"""`make bench` (`python -m scripts.bench`): seed a large data set, serve it with gunicorn and
measure every page type.

What one run does, all of it on 127.0.0.1 and under .bench/ (run.py, step by step):

1. A fresh database: migrate, the demo content plus the bench set at scale 1
   (`manage.py seed_bench_data`: 100 modules x 8 sessions, 1,000 news, organisations
   in every kommun), a search index of all of it, collectstatic with whitenoise's
   compressed manifest storage.
2. In-process, with Django's test client: the SQL queries of each page type and the
   median time to render it twice over: a page miss (the page's own cache entry
   deleted, the chrome fragments and the site lookup warm) and everything cold (every
   content kind's version bumped and the default cache cleared before each run).
3. gunicorn on a free port; `wrk` gives requests per second for each page type beside a
   static file and a minimal "floor" view through the same middleware stack. Beside
   the cached pages: pages that cannot be cached (the login form; a signed-in visitor,
   served the shared copy with their own header) and cache misses (a search nobody has
   made before; a signed-in visitor on a page with no shared copy yet).
4. Page weight of the pages their apps mark (the home page, text pages, a module
   page): the bytes a browser transfers for the HTML and everything it links to.
5. Lighthouse (mobile preset) on the pages their apps mark (the home page and a module
   page), run with Debian's Chromium, five times each, the median run reported; the
   npm package goes into .bench/node_modules.
6. The bench set topped up to scale 10, and the query counts measured again.

Prints a table and writes .bench/results.json and .bench/results.md. Exits non-zero
only when the bench itself breaks; a missed target is marked in the table.

The modules:

    common.py      paths, the targets, running commands, Target, BenchError
    database.py    step 1
    pages.py       the pages to measure: each app's `pages()` in <app>/bench.py, the references
    in_process.py  steps 2 and 6
    load.py        step 3 (gunicorn, wrk)
    weight.py      step 4
    lighthouse.py  step 5
    report.py      the figures against the targets; results.md, results.json
    run.py         the run: the steps in order

The pages belong to their apps: a new app lists its own in `<app>/bench.py` (what to
provide is in home/app_modules.py), and the bench measures them with no change here.

A new measurement (say, what an invalidation costs, or throughput while content is
being written) is a module of its own here, whose function takes what it needs (the
port of the running server, the targets, the session) and returns its figures. run.py
calls it in the step whose server or data it needs, keeps the figures in
`results[<name>]` (results.json) and gives the report a section of its own with
`report.add_section(results, title, lines)`; see "More measurements" in run.py.
"""
