-- Three languages: each statement belongs to a translation set (one statement per language),
-- each tag is a word of one language, linked to its counterparts in the others, and each
-- section has a name and a slug per language over the one shared tree.

-- A statement with no set is a set of its own; the first translation made of it names the
-- set after it (its id), so existing statements need no value.
alter table statement add column translation_set bigint;
create unique index uq_statement_set_language on statement (translation_set, language);

-- Every listing now reads one language: its indexes lead with it.
drop index ix_statement_time;
drop index ix_statement_section_time;
drop index ix_statement_on;
drop index ix_statement_section_on;
create index ix_statement_lang_time on statement (language, published_at desc, id desc);
create index ix_statement_lang_section_time on statement (language, section_id, published_at desc, id desc);
create index ix_statement_lang_on on statement (language, published_on);
create index ix_statement_lang_section_on on statement (language, section_id, published_on);

-- Tags: a slug is unique within its language; counterparts share a counterpart set.
alter table tag add column language varchar(8) default 'en' not null;
alter table tag add column counterparts bigint;
alter table tag drop constraint uq_tag_slug;
alter table tag add constraint uq_tag_language_slug unique (language, slug);
create index ix_tag_counterparts on tag (counterparts);

-- Sections: the section row holds the default language's name, slug and description; each
-- other language's are here. A missing one falls back to the default language's.
create table section_label (
    section_id  bigint         not null references section (id) on delete cascade,
    language    varchar(8)     not null,
    name        varchar(200)   not null,
    slug        varchar(100)   not null,
    description varchar(1000),
    primary key (section_id, language)
);

-- The sections every installation started with (V2), named in Arabic and Turkish as long as
-- staff have not renamed them.
insert into section_label (section_id, language, name, slug, description)
select id, 'ar', 'المركز الإعلامي', 'المركز-الإعلامي', 'أخبار الائتلاف وبياناته وتصريحاته الصحفية ومقابلاته من الدائرة الإعلامية.'
from section where slug = 'media-center' and parent_id is null and name = 'Media Center';
insert into section_label (section_id, language, name, slug, description)
select id, 'tr', 'Medya Merkezi', 'medya-merkezi', 'Medya Dairesi''nden haberler, açıklamalar, basın bültenleri ve röportajlar.'
from section where slug = 'media-center' and parent_id is null and name = 'Media Center';
insert into section_label (section_id, language, name, slug, description)
select c.id, l.language, l.name, l.slug, l.description
from section c join section p on c.parent_id = p.id and p.slug = 'media-center' and p.parent_id is null
join (
    select 'coalition-news' as seeded, 'Coalition News' as english, 'ar' as language, 'أخبار الائتلاف' as name, 'أخبار-الائتلاف' as slug, 'أخبار عمل الائتلاف ومواقفه.' as description
    union all select 'coalition-news', 'Coalition News', 'tr', 'Koalisyon Haberleri', 'koalisyon-haberleri', 'Koalisyonun çalışmaları ve tutumlarına dair haberler.'
    union all select 'statements', 'Statements', 'ar', 'البيانات', 'البيانات', 'البيانات الرسمية للائتلاف.'
    union all select 'statements', 'Statements', 'tr', 'Açıklamalar', 'aciklamalar', 'Koalisyonun resmî açıklamaları.'
    union all select 'press-releases', 'Press Releases', 'ar', 'البيانات الصحفية', 'البيانات-الصحفية', 'بيانات صحفية للصحفيين ووسائل الإعلام.'
    union all select 'press-releases', 'Press Releases', 'tr', 'Basın Bültenleri', 'basin-bultenleri', 'Gazeteciler ve medya kuruluşları için basın bültenleri.'
    union all select 'interviews', 'Interviews', 'ar', 'المقابلات', 'المقابلات', 'مقابلات أجراها أعضاء الائتلاف.'
    union all select 'interviews', 'Interviews', 'tr', 'Röportajlar', 'roportajlar', 'Koalisyon üyelerinin verdiği röportajlar.'
) l on l.seeded = c.slug and l.english = c.name;

-- Each member of staff reads the staff area in a language of their own (null: the site's default).
alter table app_user add column language varchar(8);
