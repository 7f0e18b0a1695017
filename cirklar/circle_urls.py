"""URLs of the leader's circles (helper of cirklar.urls, namespace mina_cirklar)."""

from django.urls import path

from . import views_circles as views

urlpatterns = [
    path("", views.index, name="index"),
    path("ny/", views.start, name="start"),
    path("<int:circle_id>/", views.circle_detail, name="circle"),
    path("<int:circle_id>/andra/", views.circle_edit, name="circle_edit"),
    path("<int:circle_id>/status/", views.circle_status, name="circle_status"),
    path("<int:circle_id>/ledare/ny/", views.leader_add, name="leader_add"),
    path(
        "<int:circle_id>/ledare/<int:user_id>/ta-bort/",
        views.leader_remove,
        name="leader_remove",
    ),
    path("<int:circle_id>/traffar/ny/", views.meeting_add, name="meeting_add"),
    path(
        "<int:circle_id>/traffar/<int:meeting_id>/",
        views.meeting_edit,
        name="meeting_edit",
    ),
    path(
        "<int:circle_id>/traffar/<int:meeting_id>/ta-bort/",
        views.meeting_delete,
        name="meeting_delete",
    ),
    path(
        "<int:circle_id>/deltagare/ny/",
        views.participant_add,
        name="participant_add",
    ),
    path(
        "<int:circle_id>/deltagare/<int:participant_id>/",
        views.participant_edit,
        name="participant_edit",
    ),
    path(
        "<int:circle_id>/deltagare/<int:participant_id>/ta-bort/",
        views.participant_delete,
        name="participant_delete",
    ),
    path(
        "<int:circle_id>/deltagare/<int:participant_id>/flytta/",
        views.participant_move,
        name="participant_move",
    ),
]
