"""Full-text search over recommendation texts (issue #3), kept in sync by the database itself.

SQLite: an external-content FTS5 table over corpus_recommendation.text with triggers.
PostgreSQL: a stored generated tsvector column ('simple' configuration, no stemming) with a GIN
index. Both see the same words: runs of letters and digits (see upr.corpus.search_query).

Both: ``corpus_search_version`` holds a token that triggers change on every write to the tables
the search facets read, so the in-memory facet index (upr.corpus.facet_index) knows when to reload.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS corpus_recommendation_fts USING fts5(
        text, content='corpus_recommendation', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER IF NOT EXISTS corpus_recommendation_fts_ai
        AFTER INSERT ON corpus_recommendation BEGIN
        INSERT INTO corpus_recommendation_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS corpus_recommendation_fts_ad
        AFTER DELETE ON corpus_recommendation BEGIN
        INSERT INTO corpus_recommendation_fts(corpus_recommendation_fts, rowid, text)
        VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS corpus_recommendation_fts_au
        AFTER UPDATE OF text ON corpus_recommendation BEGIN
        INSERT INTO corpus_recommendation_fts(corpus_recommendation_fts, rowid, text)
        VALUES ('delete', old.id, old.text);
        INSERT INTO corpus_recommendation_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    "INSERT INTO corpus_recommendation_fts(corpus_recommendation_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS corpus_recommendation_fts_ai",
    "DROP TRIGGER IF EXISTS corpus_recommendation_fts_ad",
    "DROP TRIGGER IF EXISTS corpus_recommendation_fts_au",
    "DROP TABLE IF EXISTS corpus_recommendation_fts",
]
# Tables whose changes change facet counts.
WATCHED = (
    "corpus_recommendation",
    "corpus_recommendation_recommending_states",
    "corpus_recommendation_issues",
    "corpus_state",
    "corpus_state_organisations",
)
VERSION_TABLE = [
    "CREATE TABLE corpus_search_version (id integer PRIMARY KEY, token bigint NOT NULL)",
    "INSERT INTO corpus_search_version (id, token) VALUES (1, 0)",
]
SQLITE_FORWARD += VERSION_TABLE + [
    f"""CREATE TRIGGER corpus_search_bump_{table}_{event.lower()}
        AFTER {event} ON {table} BEGIN
        UPDATE corpus_search_version SET token = random() WHERE id = 1;
    END"""
    for table in WATCHED
    for event in ("INSERT", "UPDATE", "DELETE")
]
SQLITE_BACKWARD += [
    f"DROP TRIGGER IF EXISTS corpus_search_bump_{table}_{event.lower()}"
    for table in WATCHED
    for event in ("INSERT", "UPDATE", "DELETE")
] + ["DROP TABLE IF EXISTS corpus_search_version"]

POSTGRES_FORWARD = [
    """ALTER TABLE corpus_recommendation ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (
            to_tsvector('simple'::regconfig, regexp_replace(text, '[^[:alnum:]]+', ' ', 'g'))
        ) STORED""",
    """CREATE INDEX corpus_recommendation_search_vector
        ON corpus_recommendation USING gin (search_vector)""",
]
POSTGRES_FORWARD += VERSION_TABLE + [
    """CREATE FUNCTION corpus_search_bump() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE corpus_search_version SET token = floor(random() * 9e15)::bigint WHERE id = 1;
        RETURN NULL;
    END $$""",
] + [
    f"""CREATE TRIGGER corpus_search_bump_{table}
        AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
        FOR EACH STATEMENT EXECUTE FUNCTION corpus_search_bump()"""
    for table in WATCHED
]
POSTGRES_BACKWARD = [
    *(f"DROP TRIGGER IF EXISTS corpus_search_bump_{table} ON {table}" for table in WATCHED),
    "DROP FUNCTION IF EXISTS corpus_search_bump()",
    "DROP TABLE IF EXISTS corpus_search_version",
    "DROP INDEX IF EXISTS corpus_recommendation_search_vector",
    "ALTER TABLE corpus_recommendation DROP COLUMN IF EXISTS search_vector",
]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}.get(vendor, [])
    for sql in statements:
        schema_editor.execute(sql)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}.get(vendor, [])
    for sql in statements:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("corpus", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
