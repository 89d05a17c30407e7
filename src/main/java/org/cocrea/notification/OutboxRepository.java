package org.cocrea.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    @Query("select m.id from OutboxMessage m where m.status = org.cocrea.notification.OutboxStatus.PENDING "
            + "and m.nextAttemptAt <= :now order by m.nextAttemptAt, m.id")
    List<Long> findDue(@Param("now") Instant now, Pageable page);

    /** Claims a pending row for one sender; returns 1 when this caller won it. */
    @Modifying
    @Query("update OutboxMessage m set m.status = org.cocrea.notification.OutboxStatus.SENDING, m.claimedAt = :now, "
            + "m.version = m.version + 1 where m.id = :id and m.status = org.cocrea.notification.OutboxStatus.PENDING")
    int claim(@Param("id") long id, @Param("now") Instant now);

    /** Rows claimed before {@code before} whose sender never reported back (crash during delivery). */
    @Modifying
    @Query("update OutboxMessage m set m.status = org.cocrea.notification.OutboxStatus.FAILED, "
            + "m.lastError = 'Entrega interrumpida: verifique si llegó antes de reencolar / Delivery interrupted: check "
            + "whether it arrived before re-queuing', m.version = m.version + 1 "
            + "where m.status = org.cocrea.notification.OutboxStatus.SENDING and m.claimedAt < :before")
    int failStaleClaims(@Param("before") Instant before);

    List<OutboxMessage> findTop200ByOrderByIdDesc();

    List<OutboxMessage> findByRecipientIgnoreCaseOrderByIdAsc(String recipient);

    long countByStatus(OutboxStatus status);
}
