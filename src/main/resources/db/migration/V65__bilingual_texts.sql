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
