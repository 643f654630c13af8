-- Two columns nothing ever used: translation_of_id was never set (translations were never
-- linked), and created_by_id always held the author, which author_id keeps.
-- Dropping a column drops its foreign key with it on H2 and PostgreSQL; the index is named.
drop index if exists ix_statement_translation_of;
alter table statement drop column translation_of_id;
alter table statement drop column created_by_id;
