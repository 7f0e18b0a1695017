"""URLs of Mina cirklar (namespace mina_cirklar), mounted at /mina-cirklar/."""

from django.urls import include, path

app_name = "mina_cirklar"

urlpatterns = [
    path("", include("cirklar.attendance_urls")),
]
