-- Official outputs in one language at a time: every text the public pages show of a commitment, its milestones and a
-- round-table exists in Spanish and English where a source or an own translation has it. A "*_translated" column
-- says which side ('es' or 'en') is an own translation of the other (null: both are originals, or one is missing).
alter table commitment add column title_translated varchar(2);
alter table commitment add column description_en varchar(8000);
alter table commitment add column description_translated varchar(2);
alter table commitment add column supporting_institutions_en varchar(4000);
alter table commitment add column institutions_translated varchar(2);
alter table commitment add column lead_area_en varchar(300);

alter table milestone add column title_en varchar(500);
alter table milestone add column title_translated varchar(2);

alter table round_table add column title_en varchar(300);

-- The IRM's assessment of an imported commitment's design (at the start of the plan: verifiable, relevant to OGP
-- values, notes) and the link to OGP's end-of-commitment report, shown with an ended commitment on the dashboard.
alter table commitment add column irm_verifiable boolean;
alter table commitment add column irm_relevant boolean;
alter table commitment add column irm_notes varchar(4000);
alter table commitment add column irm_notes_en varchar(4000);
alter table commitment add column irm_notes_translated varchar(2);
alter table commitment add column end_of_commitment_report varchar(1000);
