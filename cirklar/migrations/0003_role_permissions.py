"""Give the kansli's roles the admin permissions for circles, leaders and studieförbund.

Circle leaders get no model-wide permission: what they may see and change is decided
per circle, for the circles they lead, in cirklar/rules.py.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = [
    "studyassociation",
    "studycircle",
    "participant",
    "meeting",
    "interestrequest",
    "leaderprofile",
]
PERMISSIONS = {
    "Redaktör": [
        f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")
    ],
    "Kansli": [
        f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")
    ],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("cirklar")
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
                    content_type__app_label="cirklar", codename__in=codenames
                )
            )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=list(PERMISSIONS)):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="cirklar")
        )


class Migration(migrations.Migration):
    dependencies = [("cirklar", "0002_study_associations"), ("home", "0002_roles")]

    operations = [migrations.RunPython(grant, revoke)]
