-- Issue 9: the outbox delivers at least once and never strands a mail.
-- lease_until: a sender claims one row at a time until this instant; a row still SENDING after it belongs to a
-- sender that stopped (kill -9, crash) and goes back to the queue. message_id: the Message-ID header, fixed when the
-- row is written, so a mail sent twice (the one in flight at a crash) carries the same id and receivers can drop the
-- copy.
alter table mail_outbox add column lease_until timestamp with time zone;
alter table mail_outbox add column message_id varchar(255);

update mail_outbox set lease_until = claimed_at + interval '15 minutes' where status = 'SENDING';
update mail_outbox set message_id = '<' || gen_random_uuid() || '@cocrea.local>';

alter table mail_outbox alter column message_id set not null;
