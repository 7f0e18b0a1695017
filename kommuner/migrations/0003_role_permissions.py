"""Give the kansli's roles the admin permissions for the kommuner records and organisations.

Municipal officials get no model-wide permission: what they may touch is decided per
object, for their own kommuner, in kommuner/rules.py.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = {
    "Redaktör": [
        "change_policyrecord",
        "view_policyrecord",
        "add_organisation",
        "change_organisation",
        "delete_organisation",
        "view_organisation",
        "change_municipality",
        "view_municipality",
    ],
    "Kansli": [
        "change_policyrecord",
        "view_policyrecord",
        "add_organisation",
        "change_organisation",
        "delete_organisation",
        "view_organisation",
        "change_municipality",
        "view_municipality",
    ],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("kommuner")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="kommuner", codename__in=codenames
                )
            )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=list(PERMISSIONS)):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="kommuner")
        )


class Migration(migrations.Migration):
    dependencies = [("kommuner", "0002_reference_data"), ("home", "0002_roles")]

    operations = [migrations.RunPython(grant, revoke)]
