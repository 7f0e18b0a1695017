"""Sign in with either the username or the e-mail address."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UsernameOrEmailBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username and "@" in username:
            users = get_user_model().objects.filter(email__iexact=username.strip())
            # An address shared by several accounts identifies none of them.
            if users.count() == 1:
                username = users.get().get_username()
        return super().authenticate(
            request, username=username, password=password, **kwargs
        )
