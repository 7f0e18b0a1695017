"""Demo content for kommuner: the public overview page, local records and organisations.

Twelve kommuner across eleven län get a record (some with a local agreement and IOPs,
some in dialogue, some without), two regions get one, and about a hundred local and ten
national organisations are registered, two of them marked as active in a kommun besides
their home (Kumla, Göteborg). Stockholm and Örebro are left without a record on purpose:
that is how most kommuner look, and Örebro is where the demo official starts.

All names are made up. Organisation numbers are generated with a valid check digit in a
series chosen for the demo (802 + kommun code), not taken from real organisations.

Idempotent: a record is created only for a kommun that has none, an organisation only
for an organisation number not yet registered.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction

from stdnum import luhn

from home.demo import ensure_child, stream
from home.models import HomePage

from .models import (
    County,
    IOPPartnership,
    KommunIndexPage,
    LegalForm,
    Municipality,
    Organisation,
    OrganisationPresence,
    PolicyDocument,
    PolicyRecord,
)

DEMO_OFFICIAL = (
    "kommun",
    "1880",
)  # the account from home.demo.DEMO_ACCOUNTS, and Örebro

PAGE = {
    "title": "Kommuner och regioner",
    "intro": "Hur Överenskommelsen lever lokalt: lokala överenskommelser, idéburna "
    "offentliga partnerskap och idéburna organisationer i landets 290 kommuner och 21 län.",
    "search_description": "Se hur din kommun och region arbetar med Överenskommelsen: "
    "lokal överenskommelse, IOP och idéburna organisationer. Sök på postnummer.",
    "body": [
        ("heading", "Om uppgifterna"),
        (
            "paragraph",
            "<p>Uppgifterna lämnas av kommunerna själva och av kansliet. En kommun "
            "som ännu inte har lämnat några uppgifter visas med status <b>saknas</b>. "
            "Arbetar du i en kommun och ser något som är fel? Logga in under Min "
            "kommun och rätta det, eller hör av dig till kansliet.</p>",
        ),
    ],
}


def iop(partner_name, area, start_year, end_year=None):
    return {
        "partner_name": partner_name,
        "area": area,
        "start_year": start_year,
        "end_year": end_year,
    }


def document(title, document_type, adopted_on, revised_on=None):
    return {
        "title": title,
        "document_type": document_type,
        "adopted_on": datetime.date.fromisoformat(adopted_on),
        "revised_on": datetime.date.fromisoformat(revised_on) if revised_on else None,
    }


# Kommun code → record. Contact people and partners are fictional.
RECORDS = {
    "1480": {  # Göteborg
        "agreement_status": "reviderad",
        "agreement_year": 2023,
        "agreement_parties": "Göteborgs Stad och 48 idéburna organisationer genom "
        "Samverkansrådet för idéburen sektor",
        "mapping_status": "klar",
        "mapping_date": "2025-04-30",
        "contact": ("Maria Ekström", "Strateg civilsamhälle"),
        "partnerships": [
            iop(
                "Kvinnojouren Exempelstad", "Kvinnojour och skyddat boende", 2019, 2027
            ),
            iop("Kooperativet Nystart Hisingen", "Arbetsintegration", 2021),
            iop("Läxhjälpen Västra Hamnen", "Läxhjälp", 2022, 2025),
        ],
        "documents": [
            document(
                "Riktlinjer för idéburet offentligt partnerskap",
                "riktlinje",
                "2020-03-12",
                "2023-11-09",
            ),
            document(
                "Program för samverkan med civilsamhället", "program", "2021-06-10"
            ),
        ],
    },
    "1280": {  # Malmö
        "agreement_status": "reviderad",
        "agreement_year": 2022,
        "agreement_parties": "Malmö stad och Föreningsrådet Exempel Malmö",
        "mapping_status": "klar",
        "mapping_date": "2024-10-15",
        "contact": ("Yusuf Karimi", "Utvecklingssekreterare"),
        "partnerships": [
            iop("Tjejjouren Stjärnan", "Stöd till unga i utsatthet", 2020, 2026),
            iop("Föreningen Nya Steg Malmö", "Missbruk och beroende", 2022),
            iop("Mötesplats Språkcafé Rosengård", "Integration och språk", 2023),
        ],
        "documents": [
            document(
                "Policy för samverkan med idéburen sektor", "policy", "2018-05-24"
            ),
        ],
    },
    "0380": {  # Uppsala
        "agreement_status": "antagen",
        "agreement_year": 2017,
        "agreement_parties": "Uppsala kommun och Forum för idéburna i Uppsala län",
        "mapping_status": "pagar",
        "mapping_date": "2026-02-01",
        "contact": ("Elin Berg", "Handläggare, kommunledningskontoret"),
        "partnerships": [
            iop("Stiftelsen Trygg Bostad Uppsala", "Boende för hemlösa", 2019),
            iop("Seniornätverket Uppsala", "Aktiviteter mot ofrivillig ensamhet", 2024),
        ],
        "documents": [],
    },
    "2480": {  # Umeå
        "agreement_status": "reviderad",
        "agreement_year": 2021,
        "agreement_parties": "Umeå kommun och 31 idéburna organisationer",
        "mapping_status": "klar",
        "mapping_date": "2025-09-20",
        "contact": ("Jonas Nilsson", "Samordnare för civilsamhället"),
        "partnerships": [
            iop("Kvinnojouren Norrsken", "Kvinnojour", 2018, 2026),
            iop("Fritidsgården Kompassen Umeå", "Fritid för unga", 2021),
        ],
        "documents": [
            document(
                "Handlingsplan för samverkan med civilsamhället",
                "handlingsplan",
                "2021-09-27",
            ),
        ],
    },
    "0780": {  # Växjö
        "agreement_status": "dialog",
        "agreement_year": None,
        "agreement_parties": "",
        "mapping_status": "pagar",
        "mapping_date": "2026-01-15",
        "contact": ("Sara Holm", "Folkhälsostrateg"),
        "partnerships": [],
        "documents": [],
    },
    "2180": {  # Gävle
        "agreement_status": "antagen",
        "agreement_year": 2020,
        "agreement_parties": "Gävle kommun och Idéburna i Gävle",
        "mapping_status": "ej_paborjad",
        "mapping_date": None,
        "contact": ("Peter Lund", "Verksamhetsutvecklare"),
        "partnerships": [
            iop(
                "Brukarföreningen Gemenskap Gävle",
                "Brukarinflytande och beroende",
                2022,
            ),
        ],
        "documents": [],
    },
    "1780": {  # Karlstad
        "agreement_status": "dialog",
        "agreement_year": None,
        "agreement_parties": "",
        "mapping_status": "ej_paborjad",
        "mapping_date": None,
        "contact": ("", ""),
        "partnerships": [],
        "documents": [],
    },
    "2580": {  # Luleå
        "agreement_status": "saknas",
        "agreement_year": None,
        "agreement_parties": "",
        "mapping_status": "ej_paborjad",
        "mapping_date": None,
        "contact": ("Linnea Öberg", "Utredare"),
        "partnerships": [],
        "documents": [],
    },
    "1980": {  # Västerås
        "agreement_status": "antagen",
        "agreement_year": 2018,
        "agreement_parties": "Västerås stad och Föreningsalliansen Exempel Västerås",
        "mapping_status": "klar",
        "mapping_date": "2023-12-01",
        "contact": ("Ahmed Hassan", "Strateg social hållbarhet"),
        "partnerships": [
            iop("Social Företagsamhet Västerås", "Arbetsintegration", 2019, 2024),
            iop("Mentorsnätverket Bron Västerås", "Läxhjälp och mentorskap", 2023),
        ],
        "documents": [
            document(
                "Riktlinje för idéburet offentligt partnerskap",
                "riktlinje",
                "2019-02-18",
            ),
        ],
    },
    "0680": {  # Jönköping
        "agreement_status": "dialog",
        "agreement_year": None,
        "agreement_parties": "",
        "mapping_status": "pagar",
        "mapping_date": "2025-11-10",
        "contact": ("Karin Sandberg", "Utvecklingsledare"),
        "partnerships": [],
        "documents": [],
    },
    "0580": {  # Linköping
        "agreement_status": "reviderad",
        "agreement_year": 2024,
        "agreement_parties": "Linköpings kommun och Idéburna Östergötland",
        "mapping_status": "klar",
        "mapping_date": "2024-06-05",
        "contact": ("Oskar Wallin", "Samverkansstrateg"),
        "partnerships": [
            iop(
                "Funktionsrättsrådet Linköping",
                "Funktionsnedsättning, daglig verksamhet",
                2024,
            ),
        ],
        "documents": [
            document(
                "Policy för civilsamhällets villkor",
                "policy",
                "2016-04-25",
                "2024-03-18",
            ),
        ],
    },
    "1283": {  # Helsingborg
        "agreement_status": "saknas",
        "agreement_year": None,
        "agreement_parties": "",
        "mapping_status": "ej_paborjad",
        "mapping_date": None,
        "contact": ("", ""),
        "partnerships": [],
        "documents": [],
    },
}

# Län code → the region's record.
REGION_RECORDS = {
    "24": {  # Västerbotten
        "agreement_status": "antagen",
        "agreement_year": 2019,
        "agreement_parties": "Region Västerbotten och länets idéburna organisationer",
        "mapping_status": "klar",
        "mapping_date": "2024-03-01",
        "contact": ("Frida Marklund", "Regionutvecklare"),
        "partnerships": [
            iop(
                "Föreningen Psykisk Hälsa Norr",
                "Psykisk hälsa och suicidprevention",
                2020,
            ),
        ],
        "documents": [],
    },
    "12": {  # Skåne
        "agreement_status": "dialog",
        "agreement_year": None,
        "agreement_parties": "",
        "mapping_status": "pagar",
        "mapping_date": "2026-03-01",
        "contact": ("", ""),
        "partnerships": [],
        "documents": [],
    },
}

# (name, form, areas); "{place}" is the kommun's name.
ORGANISATION_KINDS = [
    ("Kvinnojouren {place}", LegalForm.NON_PROFIT, ["vald_i_nara_relationer"]),
    (
        "Läxhjälpen {place}",
        LegalForm.NON_PROFIT,
        ["barn_och_unga", "integration"],
    ),
    (
        "Kooperativet Nystart {place}",
        LegalForm.COOPERATIVE,
        ["arbetsintegration"],
    ),
    ("Seniornätverket {place}", LegalForm.NON_PROFIT, ["aldre"]),
    ("Föreningen Nya Steg {place}", LegalForm.NON_PROFIT, ["beroende"]),
    (
        "Fritidsgården Kompassen {place}",
        LegalForm.NON_PROFIT,
        ["barn_och_unga", "fritid_och_kultur"],
    ),
    ("Stiftelsen Trygg Bostad {place}", LegalForm.FOUNDATION, ["hemloshet"]),
    ("Mötesplats Språkcafé {place}", LegalForm.NON_PROFIT, ["integration"]),
    (
        "Brukarföreningen Gemenskap {place}",
        LegalForm.NON_PROFIT,
        ["beroende", "psykisk_halsa"],
    ),
    ("Frikyrkan Källan i {place}", LegalForm.FAITH, ["hemloshet", "aldre"]),
    (
        "Tjejjouren Stjärnan {place}",
        LegalForm.NON_PROFIT,
        ["vald_i_nara_relationer", "barn_och_unga"],
    ),
    ("Samtalsgruppen Lyssna {place}", LegalForm.NON_PROFIT, ["psykisk_halsa"]),
    (
        "Kulturföreningen Mosaik {place}",
        LegalForm.NON_PROFIT,
        ["fritid_och_kultur", "integration"],
    ),
    (
        "Social Företagsamhet {place} AB (svb)",
        LegalForm.NON_PROFIT_COMPANY,
        ["arbetsintegration"],
    ),
    (
        "Föräldraföreningen Stöttepelaren {place}",
        LegalForm.NON_PROFIT,
        ["funktionsnedsattning", "barn_och_unga"],
    ),
    (
        "Funktionsrättsrådet {place}",
        LegalForm.NON_PROFIT,
        ["funktionsnedsattning"],
    ),
    (
        "Pensionärsföreningen Vintergatan {place}",
        LegalForm.NON_PROFIT,
        ["aldre"],
    ),
    (
        "Folkhälsoföreningen Rörelse {place}",
        LegalForm.NON_PROFIT,
        ["folkhalsa", "fritid_och_kultur"],
    ),
    (
        "Mentorsnätverket Bron {place}",
        LegalForm.NON_PROFIT,
        ["barn_och_unga", "integration"],
    ),
    (
        "Idrottsalliansen {place}",
        LegalForm.NON_PROFIT,
        ["fritid_och_kultur", "folkhalsa"],
    ),
]

# Kommun code → how many local organisations it gets (100 in all).
ORGANISATION_COUNTS = {
    "1480": 14, "1280": 12, "0180": 10, "0380": 9, "2480": 8, "1880": 8, "1980": 7,
    "0580": 7, "2180": 5, "0680": 5, "0780": 5, "1780": 4, "2580": 3, "2281": 3,
}  # fmt: skip

NATIONAL_ORGANISATIONS = [
    ("Riksförbundet Idéburen Välfärd", LegalForm.NON_PROFIT, ["annat"]),
    (
        "Jourförbundet för Trygghet",
        LegalForm.NON_PROFIT,
        ["vald_i_nara_relationer"],
    ),
    ("Nationella Läxhjälpsnätverket", LegalForm.NON_PROFIT, ["barn_och_unga"]),
    (
        "Förbundet Arbetsintegrerande Kooperativ",
        LegalForm.COOPERATIVE,
        ["arbetsintegration"],
    ),
    ("Riksorganisationen Äldres Röst", LegalForm.NON_PROFIT, ["aldre"]),
    (
        "Stiftelsen Nationellt Stöd för Psykisk Hälsa",
        LegalForm.FOUNDATION,
        ["psykisk_halsa"],
    ),
    ("Mångfald i Föreningslivet", LegalForm.NON_PROFIT, ["integration"]),
    (
        "Samverkansforum för Trossamfund i Socialt Arbete",
        LegalForm.FAITH,
        ["hemloshet", "integration"],
    ),
    (
        "Funktionsrätt Tillsammans",
        LegalForm.NON_PROFIT,
        ["funktionsnedsattning"],
    ),
    (
        "Nätverket Idéburna Hemlöshetsinsatser",
        LegalForm.NON_PROFIT,
        ["hemloshet"],
    ),
]


def demo_org_number(series):
    """A valid organisation number in the demo series: 802 + six digits + check digit."""
    digits = f"802{series:06d}"
    return f"{digits[:6]}-{digits[6:]}{luhn.calc_check_digit(digits)}"


def web_name(name):
    table = str.maketrans("åäöé", "aaoe", " ()")
    return name.lower().translate(table)


def build_organisations():
    """Every demo organisation, local and national, keyed by organisation number."""
    municipalities = {
        m.code: m for m in Municipality.objects.filter(code__in=ORGANISATION_COUNTS)
    }
    organisations = {}
    for position, (code, count) in enumerate(ORGANISATION_COUNTS.items()):
        municipality = municipalities[code]
        for number in range(count):
            # Each kommun starts at a different kind, so that their registers differ.
            kind = (position * 3 + number) % len(ORGANISATION_KINDS)
            name, form, areas = ORGANISATION_KINDS[kind]
            name = name.format(place=municipality.name)
            org_number = demo_org_number(int(code) * 100 + number)
            organisations[org_number] = Organisation(
                name=name,
                org_number=org_number,
                form=form,
                areas=areas,
                website=f"https://{web_name(name)[:40]}.example.se",
                signed_national_agreement=number % 3 == 0,
                cooperation_decision=number % 4 == 1,
                municipality=municipality,
            )
    for number, (name, form, areas) in enumerate(NATIONAL_ORGANISATIONS):
        org_number = demo_org_number(990000 + number)
        organisations[org_number] = Organisation(
            name=name,
            org_number=org_number,
            form=form,
            areas=areas,
            website=f"https://{web_name(name)[:40]}.example.se",
            email=f"info@{web_name(name)[:40]}.example.se",
            signed_national_agreement=True,
            cooperation_decision=number % 2 == 0,
        )
    return organisations


def create_record(data, *, slug, **owner):
    contact_name, contact_title = data["contact"]
    record = PolicyRecord(
        **owner,
        agreement_status=data["agreement_status"],
        agreement_year=data["agreement_year"],
        agreement_parties=data["agreement_parties"],
        agreement_url=(
            f"https://www.{slug}.example.se/overenskommelsen"
            if data["agreement_year"]
            else ""
        ),
        mapping_status=data["mapping_status"],
        mapping_date=(
            datetime.date.fromisoformat(data["mapping_date"])
            if data["mapping_date"]
            else None
        ),
        contact_name=contact_name,
        contact_title=contact_title,
        contact_email=f"civilsamhalle@{slug}.example.se" if contact_name else "",
        contact_phone="010-123 45 67" if contact_name else "",
        partnerships=[IOPPartnership(**item) for item in data["partnerships"]],
        policy_documents=[PolicyDocument(**item) for item in data["documents"]],
    )
    record.save()
    # The first revision, so that the record's history starts with the demo content.
    record.save_revision(user=None, log_action=True)
    return record


def ensure_page(home):
    page, created = ensure_child(
        home,
        KommunIndexPage,
        "kommuner",
        title=PAGE["title"],
        intro=PAGE["intro"],
        search_description=PAGE["search_description"],
        body=stream(PAGE["body"]),
        show_in_menus=True,
    )
    if created:
        # In the main navigation, right after the study material.
        study_material = home.get_children().filter(slug="studiematerial").first()
        if study_material is not None:
            page.move(study_material, pos="right")
            page.refresh_from_db()
    return created


def ensure_records():
    created_count = 0
    have_record = set(
        PolicyRecord.objects.filter(municipality__code__in=RECORDS).values_list(
            "municipality__code", flat=True
        )
    )
    for municipality in Municipality.objects.filter(code__in=RECORDS).exclude(
        code__in=have_record
    ):
        create_record(
            RECORDS[municipality.code],
            slug=municipality.slug,
            municipality=municipality,
        )
        created_count += 1
    have_record = set(
        PolicyRecord.objects.filter(county__code__in=REGION_RECORDS).values_list(
            "county__code", flat=True
        )
    )
    for county in County.objects.filter(code__in=REGION_RECORDS).exclude(
        code__in=have_record
    ):
        create_record(
            REGION_RECORDS[county.code], slug=f"region{county.slug}", county=county
        )
        created_count += 1
    return created_count


def ensure_organisations():
    organisations = build_organisations()
    existing = set(
        Organisation.objects.filter(org_number__in=organisations).values_list(
            "org_number", flat=True
        )
    )
    missing = [org for number, org in organisations.items() if number not in existing]
    Organisation.objects.bulk_create(missing)
    return len(missing)


# Organisations marked as active in a kommun that is not their home: (series of the
# organisation number, kommun code). Örebro's first organisation in Kumla, a national
# one in Göteborg.
PRESENCES = [(1880 * 100, "1881"), (990001, "1480")]


def ensure_presences():
    wanted = {demo_org_number(series): code for series, code in PRESENCES}
    organisations = {
        organisation.org_number: organisation
        for organisation in Organisation.objects.filter(org_number__in=wanted)
    }
    municipalities = {
        municipality.code: municipality
        for municipality in Municipality.objects.filter(code__in=wanted.values())
    }
    created_count = 0
    for number, code in wanted.items():
        _presence, created = OrganisationPresence.objects.get_or_create(
            organisation=organisations[number], municipality=municipalities[code]
        )
        created_count += created
    return created_count


def ensure_official():
    username, code = DEMO_OFFICIAL
    user = get_user_model().objects.filter(username=username).first()
    if user is None or user.municipalities.filter(code=code).exists():
        return 0
    Municipality.objects.get(code=code).officials.add(user)
    return 1


def load(stdout, *, with_accounts=False):
    home = HomePage.objects.first()
    with transaction.atomic():
        created_count = ensure_page(home)
        created_count += ensure_records()
        created_count += ensure_organisations()
        created_count += ensure_presences()
        if with_accounts:
            created_count += ensure_official()
    stdout.write(f"kommuner: {created_count} nya objekt")
