"""The Django side of ``upr.ml``: training rows from the corpus, stored models, suggestions.

``upr.ml`` is pure Python and knows nothing of the database; this package feeds it the corpus,
keeps the trained models under ``VAR_DIR/models`` and offers them to the pages (tag suggestions
with confirmation, similar recommendations) and to the campaigns' draft check.
"""
