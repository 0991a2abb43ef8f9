"""Messages Django itself shows but its catalogues leave untranslated, for our catalogues.

Never imported: ``makemessages`` collects the marked strings, and our catalogue, which takes
precedence over Django's own, supplies the translation (Django 6.1's Spanish catalogue has
no msgstr for the empty choice of a select).
"""

from django.utils.translation import gettext_noop

DJANGO_GAPS = (gettext_noop("- Select an option -"),)
