"""A link to the privacy policy, for the forms that collect personal data."""

from django import template

from .site_tags import contact_settings

register = template.Library()


@register.inclusion_tag("components/privacy_notice.html", takes_context=True)
def privacy_notice(context):
    contact = contact_settings(context["request"]) or {}
    return {"url": contact.get("privacy_url", "")}
