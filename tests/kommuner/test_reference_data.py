"""The reference data loaded by migration: 21 län, 290 kommuner and their postal codes."""

from django.db.models import Count

from kommuner.models import County, Municipality, PostalCode


def test_there_are_21_lan_with_unique_two_digit_codes(db):
    codes = list(County.objects.values_list("code", flat=True))
    assert len(codes) == 21
    assert len(set(codes)) == 21
    assert all(len(code) == 2 and code.isdigit() for code in codes)


def test_there_are_290_kommuner_with_unique_four_digit_codes(db):
    codes = list(Municipality.objects.values_list("code", flat=True))
    assert len(codes) == 290
    assert len(set(codes)) == 290
    assert all(len(code) == 4 and code.isdigit() for code in codes)


def test_each_kommun_code_starts_with_its_lans_code(db):
    for code, county_code in Municipality.objects.values_list("code", "county__code"):
        assert code.startswith(county_code), code


def test_every_lan_has_kommuner(db):
    counts = County.objects.annotate(n=Count("municipalities")).values_list(
        "n", flat=True
    )
    assert min(counts) >= 1


def test_names_and_slugs_are_unique(db):
    slugs = list(Municipality.objects.values_list("slug", flat=True))
    assert len(set(slugs)) == 290
    assert len(set(County.objects.values_list("slug", flat=True))) == 21


def test_habo_and_habo_get_distinct_slugs_by_their_lan(db):
    habo_uppsala = Municipality.objects.get(name="Håbo")
    habo_jonkoping = Municipality.objects.get(name="Habo")
    assert habo_uppsala.slug == "habo-uppsala"
    assert habo_jonkoping.slug == "habo-jonkoping"
    assert habo_uppsala.county.code == "03"
    assert habo_jonkoping.county.code == "06"


def test_swedish_letters_are_kept_in_names(db):
    assert Municipality.objects.get(code="1880").name == "Örebro"
    assert Municipality.objects.get(code="0180").name == "Stockholm"
    assert County.objects.get(code="14").name == "Västra Götalands län"


def test_there_are_15463_postal_codes_of_five_digits(db):
    assert PostalCode.objects.count() == 15463
    assert not PostalCode.objects.exclude(code__regex=r"^[0-9]{5}$").exists()


def test_a_postal_code_belongs_to_its_kommun(db):
    assert PostalCode.objects.get(code="11455").municipality.code == "0180"
    assert PostalCode.objects.get(code="70002").municipality.code == "1880"
