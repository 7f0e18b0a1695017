"""Load the 21 län, 290 kommuner and their postal codes from the files in kommuner/data/.

Source: sjbrg/swedish-geodata (CC0, see kommuner/data/LICENSE). The long municipality
names in the source are partly wrong ("Kalmars kommun"), so only codes and short names
are used.
"""

import csv
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify

DATA = Path(__file__).resolve().parent.parent / "data"


def rows(name):
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load(apps, schema_editor):
    County = apps.get_model("kommuner", "County")
    Municipality = apps.get_model("kommuner", "Municipality")
    PostalCode = apps.get_model("kommuner", "PostalCode")

    counties = {}
    for row in rows("counties.csv"):
        counties[row["county_code"]] = County.objects.create(
            code=row["county_code"],
            name=row["county_name"],
            short_name=row["county_name_short"],
            slug=slugify(row["county_name_short"]),
        )

    municipality_rows = rows("municipalities.csv")
    slug_counts = {}
    for row in municipality_rows:
        slug = slugify(row["municipality_name_short"])
        slug_counts[slug] = slug_counts.get(slug, 0) + 1
    municipalities = []
    for row in municipality_rows:
        county = counties[row["county_code"]]
        slug = slugify(row["municipality_name_short"])
        if slug_counts[slug] > 1:  # Håbo and Habo: tell them apart by their län
            slug = f"{slug}-{county.slug}"
        municipalities.append(
            Municipality(
                code=row["municipality_code"],
                name=row["municipality_name_short"],
                county=county,
                slug=slug,
            )
        )
    Municipality.objects.bulk_create(municipalities)

    by_code = {m.code: m.pk for m in Municipality.objects.all()}
    PostalCode.objects.bulk_create(
        [
            PostalCode(
                code=row["postal_code"],
                locality=row["locality"],
                municipality_id=by_code[row["municipality_code"]],
            )
            for row in rows("postal_to_municipality.csv")
        ],
        batch_size=2000,
    )


def unload(apps, schema_editor):
    apps.get_model("kommuner", "PostalCode").objects.all().delete()
    apps.get_model("kommuner", "Municipality").objects.all().delete()
    apps.get_model("kommuner", "County").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("kommuner", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
