-- The teaser a listing or a feed shows for a statement without a lead: the first paragraph of its
-- body as text, cut to 600 characters. Made once when the body is saved, not on every page that
-- lists it (V20 makes it for the statements already saved).
alter table statement add column body_teaser varchar(700);
