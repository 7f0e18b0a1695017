"""Wagtail's default workflow in Swedish, approved by the editors; the tree's root in Swedish.

Wagtail's migrations make one workflow, "Moderators approval", with one task of the
same name for the group "Moderators", which 0002_roles removed: the kansli would
submit their drafts to an English name ("Lämna in till Moderators approval") that
only a superuser could approve. The workflow and its task are given Swedish names,
and a task without groups is given the editors, who publish. The root of the page
tree, above the sites, is "Root" in the page explorer ("Utforskar: Root"); it gets a
Swedish title. Only what still has Wagtail's default name is changed.
"""

from django.db import migrations

DEFAULT_NAME = "Moderators approval"
WORKFLOW_NAME = "Granskning hos redaktör"
TASK_NAME = "Redaktörens godkännande"
EDITOR = "Redaktör"
DEFAULT_ROOT_TITLE = "Root"
ROOT_TITLE = "Alla webbplatser"


def swedish_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Group = apps.get_model("auth", "Group")

    for workflow in Workflow.objects.filter(name=DEFAULT_NAME):
        workflow.name = WORKFLOW_NAME
        workflow.save(update_fields=["name"])
        tasks = GroupApprovalTask.objects.filter(
            name=DEFAULT_NAME, workflow_tasks__workflow=workflow
        )
        editors = Group.objects.filter(name=EDITOR).first()
        for task in tasks:
            task.name = TASK_NAME
            task.save(update_fields=["name"])
            if editors and not task.groups.exists():
                task.groups.add(editors)
    apps.get_model("wagtailcore", "Page").objects.filter(
        depth=1, title=DEFAULT_ROOT_TITLE
    ).update(title=ROOT_TITLE, draft_title=ROOT_TITLE)


def default_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=WORKFLOW_NAME).update(name=DEFAULT_NAME)
    Task.objects.filter(name=TASK_NAME).update(name=DEFAULT_NAME)
    apps.get_model("wagtailcore", "Page").objects.filter(
        depth=1, title=ROOT_TITLE
    ).update(title=DEFAULT_ROOT_TITLE, draft_title=DEFAULT_ROOT_TITLE)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_contact_page"),
        ("wagtailcore", "0048_add_default_workflows"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(swedish_workflow, default_workflow)]
