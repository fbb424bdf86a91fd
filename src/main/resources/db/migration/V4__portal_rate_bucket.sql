-- Each portal's request budget, shared by all app instances (Bucket4j's PostgreSQL proxy locks the row per request).
-- The id is the portal's member_id with the bucket's capacity and drain, so a changed plan starts a fresh bucket.
create table portal_rate_bucket (
    id          varchar(160) primary key,
    state       bytea,
    expires_at  bigint
);
