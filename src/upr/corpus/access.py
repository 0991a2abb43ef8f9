"""Who may see the public corpus: anyone, or signed-in users only (setting UPR_PUBLIC_CORPUS)."""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login


def public_corpus(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not settings.UPR_PUBLIC_CORPUS and not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper
