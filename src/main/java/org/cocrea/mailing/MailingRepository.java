package org.cocrea.mailing;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface MailingRepository extends JpaRepository<Mailing, Long> {

    List<Mailing> findTop50ByOrderByIdDesc();
}
