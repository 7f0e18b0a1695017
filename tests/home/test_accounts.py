"""Sign-in, sign-out and password reset on the public site, in Swedish."""

import re

from django.core import mail

PASSWORD = "ett-bra-losenord-123"


def test_login_page_is_swedish(client, db):
    html = client.get("/konto/logga-in/").content.decode()
    assert "Användarnamn eller e-postadress" in html
    assert "Lösenord" in html
    assert "Glömt lösenordet?" in html


def test_sign_in_with_username_leads_to_the_account_page(client, circle_leader):
    response = client.post(
        "/konto/logga-in/", {"username": "cirkelledare", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/konto/"
    html = client.get("/konto/").content.decode()
    assert "Du är inloggad som" in html
    assert "Cirkelledare" in html


def test_sign_in_with_email_address(client, circle_leader):
    response = client.post(
        "/konto/logga-in/",
        {"username": "CIRKELLEDARE@example.se", "password": PASSWORD},
    )
    assert response.status_code == 302


def test_wrong_password_gives_a_swedish_error_and_keeps_the_username(
    client, circle_leader
):
    response = client.post(
        "/konto/logga-in/", {"username": "cirkelledare", "password": "fel"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Användarnamnet eller lösenordet stämmer inte." in html
    assert 'value="cirkelledare"' in html
    assert 'role="alert"' in html


def test_next_parameter_to_another_site_is_ignored(client, circle_leader):
    response = client.post(
        "/konto/logga-in/",
        {
            "username": "cirkelledare",
            "password": PASSWORD,
            "next": "https://evil.example/",
        },
    )
    assert response["Location"] == "/konto/"


def test_account_page_requires_sign_in(client, db):
    response = client.get("/konto/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logga-in/?next=/konto/")


def test_sign_out_is_a_post_and_ends_the_session(client, circle_leader):
    client.force_login(circle_leader)
    response = client.post("/konto/logga-ut/")
    assert response.status_code == 302
    assert client.get("/konto/").status_code == 302


def test_password_reset_by_email_in_swedish(client, circle_leader):
    response = client.post(
        "/konto/glomt-losenord/", {"email": "cirkelledare@example.se"}
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Nytt lösenord till Överenskommelsens studieplattform"
    assert "Välj ett nytt lösenord här:" in message.body
    link = re.search(
        r"http://testserver(/konto/nytt-losenord/\S+)", message.body
    ).group(1)

    form_url = client.get(link)["Location"]
    response = client.post(
        form_url,
        {"new_password1": "nytt-losenord-456", "new_password2": "nytt-losenord-456"},
    )
    assert response.status_code == 302
    assert client.login(username="cirkelledare", password="nytt-losenord-456")


def test_password_reset_does_not_reveal_unknown_addresses(client, db):
    response = client.post("/konto/glomt-losenord/", {"email": "okand@example.se"})
    assert response.status_code == 302
    assert response["Location"] == "/konto/glomt-losenord/skickat/"
    assert mail.outbox == []


def test_password_reset_rejects_a_malformed_address_in_swedish(client, db):
    response = client.post("/konto/glomt-losenord/", {"email": "inte-en-adress"})
    assert response.status_code == 200
    assert "Skriv en giltig e-postadress" in response.content.decode()


def test_a_used_reset_link_says_so(client, circle_leader):
    response = client.get("/konto/nytt-losenord/MQ/fel-token/")
    assert "Länken fungerar inte längre" in response.content.decode()
