-- The site's identity, set by an admin at /admin/site: the organisation's name per language
-- (none: BAYAN_SITE_NAME / BAYAN_SITE_NAMES), its logo, its favicon, and the picture shared
-- for a statement without one. One row, always there; a file it uses cannot be deleted.

create table site_identity (
    id              integer primary key,
    logo_id         bigint references media (id),
    favicon_id      bigint references media (id),
    share_image_id  bigint references media (id),
    version         bigint  not null
);
insert into site_identity (id, version) values (1, 0);

create table site_identity_name (
    identity_id  integer      not null references site_identity (id),
    language     varchar(8)   not null,
    name         varchar(200) not null,
    primary key (identity_id, language)
);
