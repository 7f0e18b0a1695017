"""Background tasks shared by the site: sending e-mail outside the request."""

from django.core.mail import EmailMultiAlternatives

from django_tasks import task


@task()
def send_email(subject, body, to, from_email=None, html_body=None):
    message = EmailMultiAlternatives(subject, body, from_email, to)
    if html_body:
        message.attach_alternative(html_body, "text/html")
    message.send()
