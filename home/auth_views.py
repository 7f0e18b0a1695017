"""The sign-in and password reset views of the site and the admin, behind the guard."""

from django.contrib.auth import views as auth_views

from wagtail.admin.views import account as wagtail_account

from . import guard


class LoginView(guard.GuardedFormView, auth_views.LoginView):
    guard_name = "login"


class PasswordResetView(guard.GuardedFormView, auth_views.PasswordResetView):
    guard_name = "password_reset"


class AdminLoginView(guard.GuardedFormView, wagtail_account.LoginView):
    guard_name = "login"


class AdminPasswordResetView(guard.GuardedFormView, wagtail_account.PasswordResetView):
    guard_name = "password_reset"
