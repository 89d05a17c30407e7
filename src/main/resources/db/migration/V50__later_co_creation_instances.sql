-- Later co-creation instances of the same action plan: each call for proposals knows its instance number, and
-- feasible proposals not taken to a round-table earlier are carried over into the next instance's pool.
alter table call_for_proposals add column co_creation_instance integer default 1 not null;
alter table proposal add column carried_over_from bigint references proposal (id);
create index proposal_carried_over_from on proposal (carried_over_from);
