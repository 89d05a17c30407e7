-- E-mail addresses of the directory and of round-table registrations are stored in lower case, so the unique
-- constraints also catch the same address written in other capitals (and concurrent submissions of it).
update contact set email = lower(email)
 where email <> lower(email)
   and not exists (select 1 from contact other where other.email = lower(contact.email));
update round_table_registration set email = lower(email)
 where email <> lower(email)
   and not exists (select 1 from round_table_registration other
                    where other.round_table_id = round_table_registration.round_table_id
                      and other.email = lower(round_table_registration.email));
