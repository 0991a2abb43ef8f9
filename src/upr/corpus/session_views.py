"""The Working Group calendar: sessions and their dates, editable because the calendar slips."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from upr.cycle.sessions import INDEX_SOURCE, TIMELINE_SOURCE
from upr.workspaces.access import signed_in

from .access import public_corpus
from .editors import is_corpus_editor
from .models import Session


class SessionDatesForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["start_date", "end_date"]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}),
            "end_date": forms.DateInput(attrs={"type": "date"}),
        }
        labels = {"start_date": gettext_lazy("First day"), "end_date": gettext_lazy("Last day")}

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            raise forms.ValidationError(_("The last day cannot come before the first day."))
        if bool(start) != bool(end):
            raise forms.ValidationError(_("Give both the first and the last day, or neither."))
        return data


#: The sources our own table gives (``cycle.sessions``), in words a reader knows; a date a
#: person entered keeps the note written then ("edited by … on …").
SOURCE_LABELS = {
    INDEX_SOURCE: gettext_lazy("the Working Group reports"),
    TIMELINE_SOURCE: gettext_lazy(
        "CeHDI's planning workbook (first day; the last day is estimated)"
    ),
}


@public_corpus
def sessions(request):
    rows = list(Session.objects.select_related("cycle"))
    for row in rows:
        row.source_label = SOURCE_LABELS.get(row.dates_source, row.dates_source)
    return render(
        request,
        "corpus/sessions.html",
        {"sessions": rows, "can_edit": is_corpus_editor(request.user)},
    )


@signed_in
def session_edit(request, number: int):
    if not is_corpus_editor(request.user):
        raise PermissionDenied(_("Only staff and workspace owners may change the calendar."))
    session = get_object_or_404(Session, number=number)
    form = SessionDatesForm(request.POST or None, instance=session)
    if request.method == "POST" and form.is_valid():
        edited = form.save(commit=False)
        edited.dates_source = _("edited by %(user)s on %(day)s") % {
            "user": request.user.get_username(),
            "day": timezone.localdate().isoformat(),
        }
        edited.save()
        messages.success(request, _("The dates of session %(n)s were saved.") % {"n": number})
        return redirect("corpus:sessions")
    return render(request, "corpus/session_edit.html", {"session": session, "form": form})
