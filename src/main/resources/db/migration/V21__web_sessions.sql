-- Staff sessions, kept in the database rather than in one Tomcat's memory, so that a login is
-- valid on every node behind a load balancer and a logout ends it on all of them. The data is
-- the session's attributes, serialised; a session is gone once expires_at (epoch milliseconds)
-- has passed, and expired rows are deleted from time to time.
create table web_session (
    id varchar(64) primary key,
    data bytea not null,
    created_at bigint not null,
    expires_at bigint not null
);
create index ix_web_session_expires on web_session (expires_at);
