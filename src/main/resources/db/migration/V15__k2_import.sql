-- What an import from Joomla K2 brought over, by K2's own ids: so that a second run updates
-- instead of duplicating, an interrupted one resumes, and every old address finds its page.
--   kind: category (-> section), tag (-> tag, one per language it is used in: k2_key is the
--   language), user (-> app_user), item (-> statement, the same id), image (an item's image ->
--   media; k2_hash is K2's name for it, md5("Image" + item id), as its old addresses spell it)
create table k2_import (
    kind       varchar(16)  not null,
    k2_id      bigint       not null,
    k2_key     varchar(16)  not null default '',
    bayan_id   bigint       not null,
    -- the statement's version as the import left it: a later edit in Bayan is kept, not overwritten
    bayan_version bigint,
    k2_hash    varchar(32),
    primary key (kind, k2_id, k2_key)
);
create index ix_k2_import_bayan on k2_import (kind, bayan_id);
create index ix_k2_import_hash on k2_import (k2_hash);

