"""The site's URLs: Swedish paths for people, Wagtail's page tree for everything else."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import auth_views as guarded_views
from home import sitemap as home_sitemap
from home import views as home_views
from home.forms import LoginForm, PasswordResetForm, SetPasswordForm

account_urls = [
    path(
        "logga-in/",
        guarded_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "glomt-losenord/",
        guarded_views.PasswordResetView.as_view(
            form_class=PasswordResetForm,
            email_template_name="registration/password_reset_email.txt",
            subject_template_name="registration/password_reset_subject.txt",
        ),
        name="password_reset",
    ),
    path(
        "glomt-losenord/skickat/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "nytt-losenord/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=SetPasswordForm),
        name="password_reset_confirm",
    ),
    path(
        "nytt-losenord/klart/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("", home_views.account, name="account"),
]

urlpatterns = [
    # Wagtail's own views behind the guard (home/guard.py), ahead of its URLs.
    path("admin/login/", guarded_views.AdminLoginView.as_view()),
    path("admin/password_reset/", guarded_views.AdminPasswordResetView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("dokument/", include(wagtaildocs_urls)),
    path("konto/", include(account_urls)),
    path("min-kommun/", include("kommuner.urls")),
    path("mina-cirklar/", include("cirklar.urls")),
    path("sok/", home_views.search, name="search"),
    path("sitemap.xml", home_sitemap.sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    re_path(r"^((?:[\w\-]+/)*)$", home_views.serve_page, name="wagtail_serve"),
    path("", include(wagtail_urls)),
]

# The site's Swedish error pages (500 is Django's own, with templates/500.html).
handler400 = "home.error_views.bad_request"
handler403 = "home.error_views.permission_denied"
handler404 = "home.error_views.page_not_found"
