"""The audit log of a workspace, for its owners: on screen, and as CSV or JSON."""

from __future__ import annotations

import csv
import json

from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from .. import audit_display
from ..access import workspace_view
from ..models import AuditEntry, Membership, Role

FIELDS = ["at", "actor_email", "action", "model", "object_id", "object_repr", "changes"]


def _entries(membership: Membership):
    return AuditEntry.objects.for_membership(membership, Role.OWNER)


@workspace_view(Role.OWNER)
def audit_log(request: HttpRequest, membership: Membership) -> HttpResponse:
    page = Paginator(_entries(membership), 100).get_page(request.GET.get("page"))
    context = {"membership": membership, "page": page, "rows": audit_display.rows(page)}
    return render(request, "workspaces/audit.html", context)


@workspace_view(Role.OWNER)
def audit_export(request: HttpRequest, membership: Membership, fmt: str) -> HttpResponse:
    rows = _entries(membership).order_by("at", "id").values(*FIELDS)
    stem = f"audit-{membership.workspace.public_id}"
    if fmt == "json":
        response = HttpResponse(
            json.dumps(list(rows), cls=DjangoJSONEncoder, indent=1),
            content_type="application/json",
        )
    elif fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        writer = csv.DictWriter(response, fieldnames=FIELDS)
        writer.writeheader()
        for row in rows:
            row["at"] = row["at"].isoformat()
            row["changes"] = json.dumps(row["changes"], cls=DjangoJSONEncoder)
            writer.writerow(row)
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return response
