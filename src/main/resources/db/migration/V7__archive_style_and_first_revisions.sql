-- What a section's listings and date archives show of each statement: TEASER (its lead or first
-- paragraph, and "Read more") or FULL_TEXT (the whole body with its source line, as the page the
-- site mirrors shows Coalition News). New sections show teasers.
alter table section add column archive_style varchar(16) default 'TEASER' not null;
update section set archive_style = 'FULL_TEXT'
where slug = 'coalition-news' and parent_id in (select id from section where slug = 'media-center' and parent_id is null);

-- Every statement starts with revision 1. Statements written before revisions were kept for
-- every creation (the demo content) get one now, holding their text as it is at this upgrade.
insert into statement_revision (statement_id, revision_number, title, slug, lead, body, source, status,
                                published_at, section_id, tags, saved_at, saved_by_id, note)
select s.id, 1, s.title, s.slug, s.lead, s.body, s.source, s.status, s.published_at, s.section_id,
       coalesce((select string_agg(t.name, ', ' order by t.name) from statement_tag st join tag t on t.id = st.tag_id
                 where st.statement_id = s.id), ''),
       s.updated_at, s.updated_by_id, 'text as it was at the upgrade'
from statement s
where not exists (select 1 from statement_revision r where r.statement_id = s.id);
