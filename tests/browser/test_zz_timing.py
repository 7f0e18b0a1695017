import time
import pytest
from .support import _axe, AXE_OPTIONS, assert_page_structure


@pytest.mark.parametrize(
    "path", ["/", "/studiematerial/dialog-och-inflytande/", "/om/"]
)
def test_t(page, path):
    t = time.monotonic()
    page.goto(path)
    t1 = time.monotonic()
    page.evaluate(_axe.axe_script)
    t2 = time.monotonic()
    page.evaluate("axe.run(%s)" % __import__("json").dumps(AXE_OPTIONS))
    t3 = time.monotonic()
    assert_page_structure(page)
    t4 = time.monotonic()
    print(
        f"\n{path} goto {t1 - t:.2f} inject {t2 - t1:.2f} run {t3 - t2:.2f} struct {t4 - t3:.2f}"
    )
