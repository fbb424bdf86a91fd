-- The message a backlog page shows for the change, so that the page reads it from the audit log instead of the URL.
alter table audit_entry add column message_key varchar(64);
