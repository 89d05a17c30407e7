-- Issue 9: the outbox delivers at least once and never strands a mail (H2 and PostgreSQL).
-- lease_until: a sender claims one row at a time until this instant; a row still SENDING after it belongs to a
-- sender that stopped (kill -9, crash) and goes back to the queue. A row claimed by a node of an earlier version has
-- none: claimed_at plus cocrea.mail.claim-lease stands in for it (OutboxRepository).
-- message_id: the Message-ID header, fixed when the row is written (a random UUID at the sender's domain), so a mail
-- sent twice (the one in flight at a crash) carries the same id and receivers can drop the copy. Rows written before
-- this version get one made of their id.
alter table mail_outbox add column lease_until timestamp with time zone;
alter table mail_outbox add column message_id varchar(255);

update mail_outbox set message_id = '<outbox-' || cast(id as varchar(20)) || '.v59@cocrea.local>';

alter table mail_outbox alter column message_id set not null;
