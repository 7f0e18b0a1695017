"""No module of the site imports itself back: the apps' imports form no circle.

Read from the source rather than by importing (Django has imported everything by the
time a test runs). Every import counts, those inside functions too: an import put
off until a function runs still ties the two modules together. A package importing
its own modules (kommuner/models/__init__.py) is not a circle; a module of a package
importing a module that imports the package back is.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("config", "home", "kommuner", "scripts", "studiematerial")


def project_modules():
    """{dotted name: (path, is a package)} for the site's modules, migrations aside."""
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            is_package = parts[-1] == "__init__"
            if is_package:
                parts.pop()
            modules[".".join(parts)] = (path, is_package)
    return modules


def imported_modules(name, path, is_package, modules):
    """The project modules that the module `name` imports, anywhere in its body."""
    package = name.split(".") if is_package else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                prefix = ".".join([*base, node.module] if node.module else base)
            else:
                prefix = node.module
            for alias in node.names:
                candidate = f"{prefix}.{alias.name}"
                found.add(candidate if candidate in modules else prefix)
    # A module's own packages are imported before it, not by it.
    return {
        other
        for other in found
        if other in modules and other != name and not name.startswith(other + ".")
    }


def import_graph():
    modules = project_modules()
    return {
        name: imported_modules(name, path, is_package, modules)
        for name, (path, is_package) in modules.items()
    }


def circles(graph):
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in graph[module]:
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = set()
            while module not in group:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
            if len(group) > 1:
                found.append(sorted(group))

    for module in graph:
        if module not in index:
            visit(module)
    return found


def test_the_sites_modules_import_no_circle():
    graph = import_graph()
    assert "kommuner.models.pages" in graph  # the graph is read at all
    assert circles(graph) == []


def test_a_circle_is_found():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [
        ["a", "b", "c"]
    ]
