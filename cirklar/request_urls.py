"""The leader's interest requests under a circle (helper "visitors"), in cirklar/urls.py."""

from django.urls import path

from . import views_requests

urlpatterns = [
    path(
        "<int:circle_id>/intresseanmalningar/",
        views_requests.interest_requests,
        name="interest_requests",
    ),
]
