-- A tag's old slug is kept per language, like its slug: an Arabic tag renamed from a slug no
-- longer takes that slug's redirect away from an English or Turkish tag renamed from the same one.
-- A new table rather than a new primary key, since H2 and PostgreSQL name and drop primary keys
-- differently. Every redirect is in the language of the tag it leads to (renames and merges
-- never leave a language).
create table tag_redirect_by_language (
    language varchar(8)   not null,
    old_slug varchar(120) not null,
    tag_id   bigint       not null references tag (id) on delete cascade,
    primary key (language, old_slug)
);
insert into tag_redirect_by_language (language, old_slug, tag_id)
select t.language, r.old_slug, r.tag_id from tag_redirect r join tag t on t.id = r.tag_id;
drop table tag_redirect;
alter table tag_redirect_by_language rename to tag_redirect;
-- Merges and deletes find a tag's redirects by the tag.
create index ix_tag_redirect_tag on tag_redirect (tag_id);
