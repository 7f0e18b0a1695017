"""Each app's demo and bench modules are found in INSTALLED_APPS order, and keep the contract."""

import inspect

import pytest

from home.app_modules import app_modules


def names(modules):
    return [module.__name__ for module in modules]


def test_demo_modules_come_lowest_layer_first():
    assert names(app_modules("demo")) == [
        "home.demo",
        "studiematerial.demo",
        "kommuner.demo",
        "cirklar.demo",
    ]


def test_bench_modules_come_lowest_layer_first():
    assert names(app_modules("bench")) == [
        "home.bench",
        "studiematerial.bench",
        "kommuner.bench",
        "cirklar.bench",
    ]


def test_every_demo_module_loads_with_stdout_and_the_accounts_flag():
    for module in app_modules("demo"):
        parameters = inspect.signature(module.load).parameters
        assert list(parameters)[:1] == ["stdout"], module.__name__
        assert parameters["with_accounts"].default is False, module.__name__


def test_every_bench_module_seeds_with_stdout_and_a_scale():
    for module in app_modules("bench"):
        assert list(inspect.signature(module.seed).parameters) == [
            "stdout",
            "scale",
        ], module.__name__


def test_an_app_without_the_module_is_skipped_but_a_failing_import_is_raised(
    monkeypatch,
):
    from home import app_modules as finder

    def import_module(name):
        if name == "studiematerial.part":
            # The module exists, but something it imports does not.
            raise ModuleNotFoundError("No module named 'missing'", name="missing")
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)

    monkeypatch.setattr(finder, "import_module", import_module)
    with pytest.raises(ModuleNotFoundError, match="missing"):
        list(app_modules("part"))
    assert list(app_modules("nothing")) == []
