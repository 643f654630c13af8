-- The sections every installation starts with; staff can rename, move or add to them later.
insert into section (parent_id, slug, name, description, position, version)
values (null, 'media-center', 'Media Center', 'News, statements, press releases and interviews from the Media Department.', 0, 0);

insert into section (parent_id, slug, name, description, position, version)
select id, 'coalition-news', 'Coalition News', 'News of the Coalition''s work and positions.', 0, 0 from section where slug = 'media-center' and parent_id is null;
insert into section (parent_id, slug, name, description, position, version)
select id, 'statements', 'Statements', 'Official statements of the Coalition.', 1, 0 from section where slug = 'media-center' and parent_id is null;
insert into section (parent_id, slug, name, description, position, version)
select id, 'press-releases', 'Press Releases', 'Press releases for journalists and media outlets.', 2, 0 from section where slug = 'media-center' and parent_id is null;
insert into section (parent_id, slug, name, description, position, version)
select id, 'interviews', 'Interviews', 'Interviews given by members of the Coalition.', 3, 0 from section where slug = 'media-center' and parent_id is null;
