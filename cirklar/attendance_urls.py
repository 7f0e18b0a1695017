"""The leader's attendance, report, exports and calendar link of a circle
(included by cirklar/urls.py, namespace mina_cirklar)."""

from django.urls import path

from . import views_attendance as views

urlpatterns = [
    path(
        "<int:circle_id>/traffar/<int:meeting_id>/narvaro/",
        views.attendance,
        name="attendance",
    ),
    path(
        "<int:circle_id>/traffar/<int:meeting_id>/narvaro/prick/",
        views.attendance_tick,
        name="attendance_tick",
    ),
    path("<int:circle_id>/rapport/", views.report, name="report"),
    path(
        "<int:circle_id>/rapport/narvaro.csv",
        views.attendance_csv,
        name="attendance_csv",
    ),
    path(
        "<int:circle_id>/rapport/narvarolista/",
        views.attendance_sheet,
        name="attendance_sheet",
    ),
    path("<int:circle_id>/kalender/", views.calendar, name="calendar"),
    path(
        "<int:circle_id>/kalender/ny-lank/",
        views.calendar_rotate,
        name="calendar_rotate",
    ),
]
