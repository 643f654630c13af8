-- Listings read the newest statements first and stop after one page. With the status as the
-- leading column (two statuses are public) the database had to sort a whole section; with the
-- time leading, it walks the index from the newest down and stops after a page.
drop index ix_statement_section_published;
drop index ix_statement_published;
create index ix_statement_section_time on statement (section_id, published_at desc, id desc);
create index ix_statement_time on statement (published_at desc, id desc);
-- Listings and neighbours narrow their query to the few days that hold the page they show
-- (from the per-day counts), so a page costs the same whether it is the first or the 500th.
create index ix_statement_section_on on statement (section_id, published_on);
create index ix_statement_on on statement (published_on);
