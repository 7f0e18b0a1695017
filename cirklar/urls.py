"""URLs of Mina cirklar (namespace mina_cirklar), mounted at /mina-cirklar/.

Each part of the leader's tools has its own module, included here.
"""

from django.urls import include, path

app_name = "mina_cirklar"

urlpatterns = [
    path("", include("cirklar.circle_urls")),
    path("", include("cirklar.attendance_urls")),
    path("", include("cirklar.request_urls")),
]
