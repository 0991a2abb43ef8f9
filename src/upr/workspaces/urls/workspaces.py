from django.urls import path

from ..views import audit, invitations, members, notes, ownership, workspaces

app_name = "workspaces"
urlpatterns = [
    path("w/", workspaces.workspace_list, name="list"),
    path("w/new/", workspaces.workspace_create, name="create"),
    path("invitation/<str:token>/", invitations.accept, name="accept"),
    path("w/<str:ws>/", workspaces.workspace_home, name="home"),
    path("w/<str:ws>/settings/", workspaces.workspace_settings, name="settings"),
    path("w/<str:ws>/members/", members.members, name="members"),
    path("w/<str:ws>/members/<int:pk>/role/", members.member_role, name="member_role"),
    path("w/<str:ws>/members/<int:pk>/remove/", members.member_remove, name="member_remove"),
    path("w/<str:ws>/invitations/new/", members.invitation_create, name="invite"),
    path(
        "w/<str:ws>/invitations/<int:pk>/withdraw/",
        members.invitation_revoke,
        name="invitation_revoke",
    ),
    path("w/<str:ws>/notes/new/", notes.note_create, name="note_create"),
    path("w/<str:ws>/notes/<int:pk>/", notes.note_detail, name="note"),
    path("w/<str:ws>/notes/<int:pk>/edit/", notes.note_edit, name="note_edit"),
    path("w/<str:ws>/notes/<int:pk>/delete/", notes.note_delete, name="note_delete"),
    path("w/<str:ws>/notes/<int:pk>/file/", notes.note_file, name="note_file"),
    path("w/<str:ws>/audit/", audit.audit_log, name="audit"),
    path("w/<str:ws>/audit.<str:fmt>", audit.audit_export, name="audit_export"),
    path("w/<str:ws>/export/", ownership.workspace_export, name="export"),
    path("w/<str:ws>/delete/", ownership.workspace_delete, name="delete"),
]
