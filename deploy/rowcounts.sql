-- Exact row count of every table in the public schema, one "table|rows" line each:
--   psql "$DATABASE_URL" -XAtq -f deploy/rowcounts.sql
-- Used by the restore drill (deploy/README.md) to compare a database with its restored copy.
SELECT table_name,
       (xpath('/row/n/text()',
              query_to_xml(format('SELECT count(*) AS n FROM %I.%I', table_schema, table_name),
                           false, true, '')))[1]::text::bigint AS n
FROM information_schema.tables
WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
ORDER BY table_name;
