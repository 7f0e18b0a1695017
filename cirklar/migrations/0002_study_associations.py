"""The studieförbund that Folkbildningsrådet funds, and Ibn Rushd, whose grant it withdrew."""

from django.db import migrations

ASSOCIATIONS = [
    # name, short name, slug, website, state funded, note
    ("Arbetarnas bildningsförbund", "ABF", "abf", "https://www.abf.se/", True, ""),
    ("Studieförbundet Bilda", "Bilda", "bilda", "https://www.bilda.nu/", True, ""),
    ("Folkuniversitetet", "", "folkuniversitetet", "https://www.folkuniversitetet.se/", True, ""),
    ("Kulturens Bildningsverksamhet", "Kulturens", "kulturens", "https://www.kulturens.se/", True, ""),
    ("Medborgarskolan", "", "medborgarskolan", "https://www.medborgarskolan.se/", True, ""),
    ("Nykterhetsrörelsens bildningsverksamhet", "NBV", "nbv", "https://www.nbv.se/", True, ""),
    ("Sensus studieförbund", "Sensus", "sensus", "https://www.sensus.se/", True, ""),
    ("Studiefrämjandet", "", "studieframjandet", "https://www.studieframjandet.se/", True, ""),
    ("Studieförbundet Vuxenskolan", "SV", "vuxenskolan", "https://www.sv.se/", True, ""),
    (
        "Ibn Rushd studieförbund",
        "Ibn Rushd",
        "ibn-rushd",
        "https://www.ibnrushd.se/",
        False,
        "Folkbildningsrådet drog in statsbidraget för 2025–2027.",
    ),
]


def add(apps, schema_editor):
    StudyAssociation = apps.get_model("cirklar", "StudyAssociation")
    for name, short_name, slug, website, funded, note in ASSOCIATIONS:
        StudyAssociation.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "short_name": short_name,
                "website": website,
                "state_funded": funded,
                "note": note,
            },
        )


def remove(apps, schema_editor):
    StudyAssociation = apps.get_model("cirklar", "StudyAssociation")
    StudyAssociation.objects.filter(slug__in=[row[2] for row in ASSOCIATIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("cirklar", "0001_initial")]

    operations = [migrations.RunPython(add, remove)]
