-- Stage 2, personalised call: the organisations staff chose to invite personally for each round-table, with the
-- information meeting they were invited to.
create table round_table_invited_organization (
    round_table_id  bigint not null references round_table (id),
    organization_id bigint not null references organization (id),
    primary key (round_table_id, organization_id)
);

alter table round_table add column info_meeting_at timestamp with time zone;
alter table round_table add column info_meeting_link varchar(500);
