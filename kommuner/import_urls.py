"""Import and export URLs (CSV and Excel), included by kommuner/urls.py under min-kommun/<slug>/."""

from django.urls import path

from . import import_views

urlpatterns = [
    path("import/", import_views.upload, name="import"),
    path("import/bekrafta/", import_views.confirm, name="import_confirm"),
    path("import/mall.csv", import_views.import_template, name="import_template"),
    path(
        "import/mall.xlsx",
        import_views.import_template_xlsx,
        name="import_template_xlsx",
    ),
    path("export.csv", import_views.export, name="export"),
    path("export.xlsx", import_views.export_xlsx, name="export_xlsx"),
]
