"""Sign in with either the username or the e-mail address; read permissions in one query."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Q


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

    def get_all_permissions(self, user_obj, obj=None):
        # Django asks for the user's and the groups' permissions in two queries; one will do.
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if user_obj.is_superuser:
            return super().get_all_permissions(user_obj, obj)
        if not hasattr(user_obj, "_perm_cache"):
            permissions = (
                Permission.objects.filter(Q(user=user_obj) | Q(group__user=user_obj))
                .values_list("content_type__app_label", "codename")
                .distinct()
            )
            user_obj._perm_cache = {
                f"{app}.{codename}" for app, codename in permissions
            }
        return user_obj._perm_cache
