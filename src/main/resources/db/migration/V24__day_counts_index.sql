-- How many statements readers see on each day, in a language and its sections or in all of them
-- (DayCounts, the first time a listing is shown after a start): every column that count reads
-- is in this one index, so the database counts from the index alone instead of looking up each
-- of 100,000 rows (the home page's counts: 3.7 s before, 0.3 s after, on H2 with a cold cache).
-- It leads with what the query for the next scheduled time asks, so it replaces that index too.
drop index ix_statement_status_time;
create index ix_statement_status_time_days on statement (status, published_at, language, section_id, published_on);
