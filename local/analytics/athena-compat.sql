-- DuckDB macros for the Athena (Trino) functions the named queries use, so that the query text is the
-- same on both engines. Loaded by local/analytics/duckdb.ts into each DuckDB connection.

-- Trino with_timezone(timestamp, zone): the wall-clock timestamp read in zone, as a timestamp with zone.
CREATE OR REPLACE TEMP MACRO with_timezone(ts, zone) AS timezone(zone, ts);
-- Trino at_timezone(timestamp with time zone, zone): the same instant seen in zone. DuckDB returns the
-- local wall-clock timestamp, which hour() and day_of_week() then read the same way Trino does.
CREATE OR REPLACE TEMP MACRO at_timezone(tstz, zone) AS timezone(zone, tstz);
-- Trino day_of_week: ISO, 1 = Monday … 7 = Sunday.
CREATE OR REPLACE TEMP MACRO day_of_week(ts) AS isodow(ts);
-- Trino cardinality(array).
CREATE OR REPLACE TEMP MACRO cardinality(list) AS len(list);
-- Trino approx_percentile(x, p). Exact here (a value of the column, like Trino's), which keeps local
-- answers reproducible.
CREATE OR REPLACE TEMP MACRO approx_percentile(x, p) AS quantile_disc(x, p);
