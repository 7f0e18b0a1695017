"""Mina cirklar: the circle leader's pages, at /mina-cirklar/ (each part in its own module)."""

from django.urls import include, path

app_name = "mina_cirklar"

urlpatterns = [
    path("", include("cirklar.request_urls")),
]
