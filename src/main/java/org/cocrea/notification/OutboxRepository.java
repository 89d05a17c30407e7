package org.cocrea.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The outbox table. Every state change of the sender is one conditional update, committed on its own: on PostgreSQL
 * a second node's update of the same row waits for the first and then re-checks its condition, so two nodes never
 * both win a claim, and a result is never recorded over a claim that has meanwhile changed hands. The two statements
 * run for every mail, the claim and the SENT mark, are plain SQL in {@link OutboxSender}.
 */
interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    @Query("select m.id from OutboxMessage m where m.status = org.cocrea.notification.OutboxStatus.PENDING "
            + "and m.nextAttemptAt <= :now order by m.nextAttemptAt, m.id")
    List<Long> findDue(@Param("now") Instant now, Pageable page);

    /**
     * Gives back a claim that was not handed to SMTP: PENDING again, due at once, the attempt not counted. Returns 0
     * when the claim whose version is {@code version} is no longer this sender's.
     */
    @Modifying
    @Query("update OutboxMessage m set m.status = org.cocrea.notification.OutboxStatus.PENDING, m.claimedAt = null, "
            + "m.leaseUntil = null, m.version = m.version + 1 "
            + "where m.id = :id and m.version = :version and m.status = org.cocrea.notification.OutboxStatus.SENDING")
    int release(@Param("id") long id, @Param("version") long version);

    /**
     * Records a failed attempt of the claim whose version is {@code version}: back to PENDING at {@code nextAttempt},
     * or FAILED. Returns 0 (nothing changed) when the claim is no longer this sender's.
     */
    @Modifying
    @Query("update OutboxMessage m set m.status = :status, m.attempts = m.attempts + 1, m.lastError = :error, "
            + "m.nextAttemptAt = :nextAttempt, m.claimedAt = null, m.leaseUntil = null, m.version = m.version + 1 "
            + "where m.id = :id and m.version = :version "
            + "and m.status = org.cocrea.notification.OutboxStatus.SENDING")
    int markFailed(@Param("id") long id, @Param("version") long version, @Param("status") OutboxStatus status,
            @Param("error") String error, @Param("nextAttempt") Instant nextAttempt);

    /**
     * Puts back in the queue, due at once, every row whose claim expired before {@code now} (its sender stopped
     * between claiming and recording a result) and that has attempts left; the interruption counts as an attempt.
     * A row claimed without a lease (by a node of a version before V60, during a rolling upgrade) expires when it was
     * claimed before {@code claimedBefore}, that is now minus the lease.
     */
    @Modifying
    @Query("update OutboxMessage m set m.status = org.cocrea.notification.OutboxStatus.PENDING, "
            + "m.attempts = m.attempts + 1, m.lastError = :error, m.nextAttemptAt = :now, m.claimedAt = null, "
            + "m.leaseUntil = null, m.version = m.version + 1 "
            + "where m.status = org.cocrea.notification.OutboxStatus.SENDING and (m.leaseUntil <= :now "
            + "or (m.leaseUntil is null and m.claimedAt <= :claimedBefore)) "
            + "and m.attempts + 1 < :maxAttempts")
    int requeueExpiredClaims(@Param("now") Instant now, @Param("claimedBefore") Instant claimedBefore,
            @Param("maxAttempts") int maxAttempts, @Param("error") String error);

    /** Like {@link #requeueExpiredClaims} for the rows whose interruption was their last attempt: marked FAILED. */
    @Modifying
    @Query("update OutboxMessage m set m.status = org.cocrea.notification.OutboxStatus.FAILED, "
            + "m.attempts = m.attempts + 1, m.lastError = :error, m.claimedAt = null, m.leaseUntil = null, "
            + "m.version = m.version + 1 "
            + "where m.status = org.cocrea.notification.OutboxStatus.SENDING and (m.leaseUntil <= :now "
            + "or (m.leaseUntil is null and m.claimedAt <= :claimedBefore)) "
            + "and m.attempts + 1 >= :maxAttempts")
    int failExpiredClaims(@Param("now") Instant now, @Param("claimedBefore") Instant claimedBefore,
            @Param("maxAttempts") int maxAttempts, @Param("error") String error);

    List<OutboxMessage> findTop200ByOrderByIdDesc();

    List<OutboxMessage> findByRecipientIgnoreCaseOrderByIdAsc(String recipient);

    long countByStatus(OutboxStatus status);

    /** @return rows waiting to be delivered: PENDING or SENDING */
    @Query("select count(m) from OutboxMessage m where m.status in (org.cocrea.notification.OutboxStatus.PENDING, "
            + "org.cocrea.notification.OutboxStatus.SENDING)")
    long countQueued();

    /** @return when the oldest row waiting to be delivered (PENDING or SENDING) was written, null when none */
    @Query("select min(m.createdAt) from OutboxMessage m where m.status in "
            + "(org.cocrea.notification.OutboxStatus.PENDING, org.cocrea.notification.OutboxStatus.SENDING)")
    Instant oldestQueuedAt();
}
