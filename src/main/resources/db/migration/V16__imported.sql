-- What an import brought over, from Joomla K2 (V15) and now also from a WordPress export: one
-- table for both, by the source's own ids. The kinds of K2 stay as they were (category, tag,
-- user, item, image, bodyimage, attachment); WordPress's begin with "wp-" (wp-category, wp-tag,
-- wp-user, wp-item, wp-media). A WordPress post keeps its id where it is free, so source_id and
-- target_id may differ; source_hash is what an old address of a file spells (K2's image name,
-- a file's path under wp-content/uploads).
alter table k2_import rename to imported;
alter table imported rename column k2_id to source_id;
alter table imported rename column k2_key to source_key;
alter table imported rename column bayan_id to target_id;
alter table imported rename column bayan_version to target_version;
alter table imported rename column k2_hash to source_hash;
alter table imported alter column source_hash set data type varchar(64);
alter index ix_k2_import_bayan rename to ix_imported_target;
alter index ix_k2_import_hash rename to ix_imported_hash;
