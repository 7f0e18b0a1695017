"""Who may do what with the site's shared parts: written once, asked by every view."""

import rules

from . import roles

is_kansli = (
    rules.is_superuser
    | rules.is_group_member(roles.EDITOR)
    | rules.is_group_member(roles.KANSLI)
)

# The register of personal data: a person's copy of what is held, and erasing it.
rules.add_perm("home.manage_personal_data", is_kansli)
