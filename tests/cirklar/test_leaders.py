"""Becoming a circle leader: sign up, confirm by the mailed link, resend; hostile input."""

import datetime
import re
from unittest import mock

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse

import pytest

from cirklar import leaders
from cirklar.models import LeaderProfile
from home import roles
from tests.cirklar.factories import LeaderFactory, StudyAssociationFactory
from tests.home.factories import UserFactory

PASSWORD = "Cirkel-i-källaren-2027"  # noqa: S105 - a test password
SIGN_UP = reverse("leader_sign_up")
RESEND = reverse("leader_resend")


def at(moment):
    """The signer's clock at a moment (ISO 8601, UTC)."""
    when = datetime.datetime.fromisoformat(moment).replace(tzinfo=datetime.UTC)
    return mock.patch("django.core.signing.time.time", return_value=when.timestamp())


def form_data(**changes):
    return {
        "name": "Sara Svensson",
        "email": "sara@example.se",
        "association": StudyAssociationFactory(slug="sensus").pk,
        "password1": PASSWORD,
        "password2": PASSWORD,
        **changes,
    }


def link_in(message):
    return re.search(
        r"https?://\S+/konto/bli-cirkelledare/bekrafta/\S+/", message.body
    ).group()


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def is_leader(user):
    return user.groups.filter(name=roles.CIRCLE_LEADER).exists()


def test_the_sign_up_form_says_why_each_item_is_asked(client, db):
    html = client.get(SIGN_UP).content.decode()
    assert "Studieförbundet som dina cirklar hör till" in html
    assert "bekräfta att den är din" in html
    assert "närvarolistor" in html
    assert 'name="homepage"' in html  # the guard's honeypot


def test_signing_up_makes_an_unconfirmed_account_and_mails_the_link(
    client, db, mailoutbox
):
    response = client.post(SIGN_UP, form_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("leader_sent")
    user = get_user_model().objects.get(email="sara@example.se")
    assert (user.first_name, user.last_name) == ("Sara", "Svensson")
    assert user.check_password(PASSWORD)
    assert user.leader_profile.association.slug == "sensus"
    assert user.leader_profile.email_confirmed_at is None
    assert not is_leader(user)
    assert not user.has_perm("cirklar.use_mina_cirklar")
    (message,) = mailoutbox
    assert message.to == ["sara@example.se"]
    assert "Bekräfta" in message.subject


def test_the_link_confirms_the_address_and_gives_the_role(client, db, mailoutbox):
    client.post(SIGN_UP, form_data())
    response = client.get(path_of(link_in(mailoutbox[0])))
    assert response.status_code == 302
    assert response["Location"] == reverse("leader_ready")
    assert "Ditt konto är klart" in client.get(response["Location"]).content.decode()
    user = get_user_model().objects.get(email="sara@example.se")
    assert user.leader_profile.email_confirmed_at is not None
    assert is_leader(user)
    assert get_user_model().objects.get(pk=user.pk).has_perm("cirklar.use_mina_cirklar")


def test_a_link_used_again_changes_nothing(client, db, mailoutbox):
    client.post(SIGN_UP, form_data())
    link = path_of(link_in(mailoutbox[0]))
    client.get(link)
    confirmed_at = LeaderProfile.objects.get().email_confirmed_at
    response = client.get(link)
    assert response.status_code == 302
    assert LeaderProfile.objects.get().email_confirmed_at == confirmed_at
    user = get_user_model().objects.get(email="sara@example.se")
    assert user.groups.filter(name=roles.CIRCLE_LEADER).count() == 1


def test_an_expired_link_is_refused_and_offers_a_new_one(client, db, mailoutbox):
    with at("2027-03-01 12:00"):
        client.post(SIGN_UP, form_data())
    with at("2027-03-04 12:01"):
        response = client.get(path_of(link_in(mailoutbox[0])))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Länken har gått ut" in html
    assert RESEND in html
    assert not is_leader(get_user_model().objects.get(email="sara@example.se"))


def test_a_link_within_three_days_works(client, db, mailoutbox):
    with at("2027-03-01 12:00"):
        client.post(SIGN_UP, form_data())
    with at("2027-03-04 11:59"):
        assert client.get(path_of(link_in(mailoutbox[0]))).status_code == 302
    assert is_leader(get_user_model().objects.get(email="sara@example.se"))


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        "eyJ1c2VyIjoxfQ:1abcde:forged",
        signing.dumps({"user": 1, "email": "x@example.se"}, salt="another.salt"),
        signing.dumps("not a dict", salt=leaders.CONFIRMATION_SALT),
        signing.dumps(
            {"user": 999999, "email": "x@example.se"}, salt=leaders.CONFIRMATION_SALT
        ),
    ],
)
def test_a_bad_token_is_refused(client, db, token):
    response = client.get(reverse("leader_confirm", args=[token]))
    assert response.status_code == 400
    assert "Länken fungerar inte" in response.content.decode()


def test_a_tampered_token_for_another_account_is_refused(client, db, mailoutbox):
    client.post(SIGN_UP, form_data())
    other = UserFactory(email="annan@example.se")
    LeaderProfile.objects.create(user=other, association=StudyAssociationFactory())
    token = link_in(mailoutbox[0]).rstrip("/").rsplit("/", 1)[1]
    payload, rest = token.split(":", 1)
    forged = signing.b64_encode(
        f'{{"user":{other.pk},"email":"annan@example.se"}}'.encode()
    ).decode()
    response = client.get(reverse("leader_confirm", args=[f"{forged}:{rest}"]))
    assert response.status_code == 400
    assert not is_leader(other)


def test_a_link_for_an_address_the_account_no_longer_has_is_refused(
    client, db, mailoutbox
):
    client.post(SIGN_UP, form_data())
    user = get_user_model().objects.get(email="sara@example.se")
    user.email = "ny@example.se"
    user.save()
    assert client.get(path_of(link_in(mailoutbox[0]))).status_code == 400
    assert not is_leader(user)


def test_a_link_of_a_deactivated_account_is_refused(client, db, mailoutbox):
    client.post(SIGN_UP, form_data())
    get_user_model().objects.filter(email="sara@example.se").update(is_active=False)
    assert client.get(path_of(link_in(mailoutbox[0]))).status_code == 400


def test_an_address_with_an_account_gets_the_same_answer_and_its_owner_an_email(
    client, db, mailoutbox
):
    UserFactory(username="befintlig", email="sara@example.se")
    response = client.post(SIGN_UP, form_data(email="SARA@example.se"))
    assert response.status_code == 302
    assert response["Location"] == reverse("leader_sent")
    assert get_user_model().objects.filter(email__iexact="sara@example.se").count() == 1
    assert not LeaderProfile.objects.exists()
    (message,) = mailoutbox
    assert message.to == ["SARA@example.se"]
    assert "redan ett konto" in message.body
    assert "/bekrafta/" not in message.body


def test_a_long_name_is_refused_with_a_swedish_message(client, db):
    response = client.post(SIGN_UP, form_data(name="Å" * 151))
    assert response.status_code == 200
    assert "Skriv högst 150 tecken." in response.content.decode()
    assert not LeaderProfile.objects.exists()


def test_a_name_of_150_characters_fits_the_account(client, db, mailoutbox):
    name = "Anna " + "B" * 145
    assert client.post(SIGN_UP, form_data(name=name)).status_code == 302
    user = get_user_model().objects.get()
    assert user.get_full_name() == name


def test_an_email_address_with_a_unicode_domain_is_kept_and_confirmed(
    client, db, mailoutbox
):
    address = "asa.oberg@räksmörgås.se"
    response = client.post(SIGN_UP, form_data(email=address))
    assert response.status_code == 302
    user = get_user_model().objects.get()
    assert user.email == address
    assert mailoutbox[0].to == [address]
    assert client.get(path_of(link_in(mailoutbox[0]))).status_code == 302
    assert is_leader(user)


@pytest.mark.parametrize(
    "address",
    ["inte en adress", "åsa.öberg@exempel.se", "a@b@example.se", "x" * 250 + "@e.se"],
)
def test_an_invalid_email_address_is_refused_in_swedish(client, db, address):
    response = client.post(SIGN_UP, form_data(email=address))
    assert response.status_code == 200
    assert not get_user_model().objects.exists()
    html = response.content.decode()
    assert "Skriv en giltig e-postadress" in html or "Skriv högst" in html


def test_passwords_that_differ_are_refused(client, db):
    response = client.post(SIGN_UP, form_data(password2="Något-annat-2027"))
    assert response.status_code == 200
    assert "Lösenorden är inte likadana" in response.content.decode()
    assert not get_user_model().objects.exists()


def test_a_weak_password_is_refused_by_djangos_validators(client, db):
    response = client.post(
        SIGN_UP, form_data(password1="12345678", password2="12345678")
    )
    assert response.status_code == 200
    assert not get_user_model().objects.exists()


def test_a_password_like_the_address_is_refused(client, db):
    response = client.post(
        SIGN_UP,
        form_data(
            email="cirkelledaren@example.se",
            password1="cirkelledaren",
            password2="cirkelledaren",
        ),
    )
    assert response.status_code == 200
    assert not get_user_model().objects.exists()


def test_a_studieforbund_without_state_grant_cannot_be_chosen(client, db):
    ibn_rushd = StudyAssociationFactory(slug="ibn-rushd")
    html = client.get(SIGN_UP).content.decode()
    assert ibn_rushd.name not in html
    response = client.post(SIGN_UP, form_data(association=ibn_rushd.pk))
    assert response.status_code == 200
    assert not get_user_model().objects.exists()


def test_a_filled_honeypot_creates_nothing(client, db, mailoutbox):
    response = client.post(SIGN_UP, form_data(homepage="http://spam.example"))
    assert response.status_code == 200
    assert not get_user_model().objects.exists()
    assert not mailoutbox


def test_a_flood_of_sign_ups_is_refused_with_429(client, db, settings, mailoutbox):
    settings.GUARD_RATE_LIMITS = {
        **settings.GUARD_RATE_LIMITS,
        "leader_signup": [("ip", 2, 600)],
    }
    for number in range(2):
        client.post(SIGN_UP, form_data(email=f"person{number}@example.se"))
    response = client.post(SIGN_UP, form_data(email="person9@example.se"))
    assert response.status_code == 429
    assert get_user_model().objects.count() == 2


def test_an_unconfirmed_leader_is_told_on_mitt_konto_and_may_resend(
    client, db, mailoutbox
):
    client.post(SIGN_UP, form_data())
    user = get_user_model().objects.get()
    client.force_login(user)
    html = client.get(reverse("account")).content.decode()
    assert "Bekräfta din e-postadress för att kunna använda Mina cirklar" in html
    html = client.get(RESEND).content.decode()
    assert "Tills du har bekräftat den" in html or "Tills du har gjort det" in html
    assert 'value="sara@example.se"' in html
    response = client.post(RESEND, {"email": "sara@example.se"})
    assert response.status_code == 302
    assert len(mailoutbox) == 2
    assert client.get(path_of(link_in(mailoutbox[1]))).status_code == 302
    assert is_leader(user)


def test_resending_tells_nothing_about_other_addresses(client, db, mailoutbox):
    LeaderFactory(email="bekraftad@example.se")
    UserFactory(email="vanlig@example.se")
    for address in ("bekraftad@example.se", "vanlig@example.se", "okand@example.se"):
        response = client.post(RESEND, {"email": address})
        assert response.status_code == 302
        assert response["Location"] == reverse("leader_sent")
    assert not mailoutbox


def test_a_confirmed_leader_is_not_offered_the_confirmation(client, db):
    leader = LeaderFactory()
    client.force_login(leader)
    assert (
        "Bekräfta din e-postadress"
        not in client.get(reverse("account")).content.decode()
    )
    assert client.get(SIGN_UP).status_code == 302


def test_a_filled_honeypot_on_the_resend_form_sends_nothing(client, db, mailoutbox):
    client.post(SIGN_UP, form_data())
    mailoutbox.clear()
    response = client.post(RESEND, {"email": "sara@example.se", "homepage": "x"})
    assert response.status_code == 200
    assert not mailoutbox


def test_signing_up_again_before_confirming_voids_the_first_link(
    client, db, mailoutbox
):
    # Someone signs up with another's address; the owner then signs up themselves.
    client.post(
        SIGN_UP, form_data(password1="Inkräktarens-2027", password2="Inkräktarens-2027")
    )
    client.post(SIGN_UP, form_data(name="Sara Ägare"))
    user = get_user_model().objects.get()
    assert user.check_password(PASSWORD)
    assert user.get_full_name() == "Sara Ägare"
    first, second = mailoutbox
    assert client.get(path_of(link_in(first))).status_code == 400
    assert not is_leader(user)
    assert client.get(path_of(link_in(second))).status_code == 302
    assert is_leader(user)
