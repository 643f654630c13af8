-- A staff member's page for readers, /author/{id}: the statements they wrote. Off unless an admin
-- lists it (a name on a public page can put a person at risk); the import lists the old site's
-- authors, whose listings were public there and whose old addresses lead to it.
alter table app_user add column author_page boolean default false not null;
-- An author page's statements in a language, newest first.
create index ix_statement_author_published on statement (author_id, language, published_at);
