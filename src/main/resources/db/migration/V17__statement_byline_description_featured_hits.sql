-- What a statement brought over from an old site can carry, and an editor can set: the name it is
-- signed with (K2's created_by_alias), the description search engines and sharing previews show
-- (K2's metadesc; empty: the teaser), whether it is featured, and how often the old site counted it
-- read (Bayan does not count readers: its pages are served from caches).
alter table statement add column byline varchar(200);
alter table statement add column description varchar(300);
alter table statement add column featured boolean default false not null;
alter table statement add column old_site_hits bigint default 0 not null;
