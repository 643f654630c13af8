-- With the status between the section and the day, H2 took this index for "a section's
-- statements of these days" and read the whole section (70,000 rows at 100,000 statements) for
-- one page or one neighbour. ix_statement_section_on (section, day) answers those in a few rows;
-- per-day counts, read once per content change, need no index of their own.
drop index ix_statement_section_day;
