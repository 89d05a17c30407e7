-- The language of a round-table registrant's mails (the page they registered on).
alter table round_table_registration add column language varchar(5) default 'es' not null;
