import pytest
from .support import _axe, format_violations
from django.contrib.auth import get_user_model

PATHS = [
    "/",
    "/overenskommelsen/",
    "/overenskommelsen/dialog/",
    "/studiematerial/",
    "/studiematerial/dialog-och-inflytande/",
    "/studiematerial/dialog-och-inflytande/utskrift/ledare/",
    "/nyheter/",
    "/nyheter/studieplattformen-oppnar/",
    "/om/",
    "/tillganglighet/",
    "/sok/?q=dialog",
    "/konto/logga-in/",
    "/konto/glomt-losenord/",
    "/finns-inte/",
]


def test_t(page):
    page.set_content('<html><body><img src="x.png"><a href="#"></a></body></html>')
    print(format_violations(_axe.run(page).response["violations"])[:300])
    for path in PATHS:
        page.goto(path)
        v = _axe.run(page, options={"resultTypes": ["violations"]}).response[
            "violations"
        ]
        print("\n=====", path, format_violations(v))
        page.emulate_media(media="print")
        v = _axe.run(page, options={"resultTypes": ["violations"]}).response[
            "violations"
        ]
        print("\n===== PRINT", path, format_violations(v)[:2000])
        page.emulate_media(media="screen")
