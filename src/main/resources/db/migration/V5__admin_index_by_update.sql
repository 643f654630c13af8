-- With the status leading an index, H2 preferred it for the public home page (two statuses are
-- public) and read the whole table; the admin list sorts by last change, which this serves.
drop index ix_statement_status_updated;
create index ix_statement_updated on statement (updated_at);
