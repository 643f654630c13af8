-- The login throttle's counts (org.bayan.user.LoginThrottle), in the database so that every node
-- of a site counts the same failures: a guesser spread over several nodes is slowed as on one.
-- name is what is counted (an account and address, an address, a device); a row is forgotten
-- once expires_at (epoch milliseconds) has passed.
create table login_throttle (
    name varchar(700) primary key,
    attempts integer not null,
    last_at bigint not null,
    until_at bigint,
    expires_at bigint not null
);
create index ix_login_throttle_expires on login_throttle (expires_at);
