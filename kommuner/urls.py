"""URLs of 'Min kommun' (namespace min_kommun), mounted at /min-kommun/."""

from django.urls import include, path

from . import views

app_name = "min_kommun"

municipality_urls = [
    path("", views.record, name="record"),
    path("organisationer/", views.organisations, name="organisations"),
    path("organisationer/ny/", views.organisation_add, name="organisation_add"),
    path("organisationer/<int:pk>/", views.organisation_edit, name="organisation_edit"),
    path(
        "organisationer/<int:pk>/ta-bort/",
        views.organisation_delete,
        name="organisation_delete",
    ),
    path(
        "organisationer/verksam/",
        views.organisation_mark_active,
        name="organisation_mark_active",
    ),
    path(
        "organisationer/verksam/<int:pk>/ta-bort/",
        views.organisation_unmark_active,
        name="organisation_unmark_active",
    ),
    path("", include("kommuner.import_urls")),
]

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", include(municipality_urls)),
]
