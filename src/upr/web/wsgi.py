"""WSGI entry point for production servers (gunicorn upr.web.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "upr.web.settings")
application = get_wsgi_application()
