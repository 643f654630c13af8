-- What a save asks of an archive of 100,000 statements, each a read of every statement (seconds)
-- without these indexes:
-- a free slug in the statement's language;
create index ix_statement_lang_slug on statement (language, slug);
-- the next scheduled time (asked after every change);
create index ix_statement_status_time on statement (status, published_at);
-- how many statements readers see on the day it touched, in its section and in all of them
-- (DayCounts brings its counts up to date so): the day, then the time readers may see it from,
-- so that H2 reads that day's rows and not, led by the time, a whole section.
drop index ix_statement_lang_section_on;
create index ix_statement_lang_section_on_time on statement (language, section_id, published_on, published_at);
drop index ix_statement_lang_on;
create index ix_statement_lang_on_time on statement (language, published_on, published_at);
