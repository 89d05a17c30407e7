package org.cocrea.notification;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TaskDigestEntryRepository extends JpaRepository<TaskDigestEntry, Long> {

    List<TaskDigestEntry> findByDigestedFalseOrderByUserIdAscIdAsc();
}
