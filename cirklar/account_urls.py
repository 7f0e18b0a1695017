"""Becoming a circle leader, under /konto/bli-cirkelledare/ (config/urls.py)."""

from django.urls import path

from . import views_leaders

urlpatterns = [
    path("", views_leaders.sign_up, name="leader_sign_up"),
    path("skickat/", views_leaders.sent, name="leader_sent"),
    path("bekrafta/<str:token>/", views_leaders.confirm, name="leader_confirm"),
    path("klart/", views_leaders.ready, name="leader_ready"),
    path("skicka-igen/", views_leaders.resend, name="leader_resend"),
]
