package org.cocrea.community;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CommunityRepository extends JpaRepository<Community, Long> {

    Optional<Community> findBySlug(String slug);

    List<Community> findAllByOrderByNameEsAsc();
}

interface CommunityEventRepository extends JpaRepository<CommunityEvent, Long> {

    List<CommunityEvent> findByCommunityIdOrderByStartsAtAsc(long communityId);

    /** Locks the event's row: registrations, seats and withdrawals of one event are decided one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from CommunityEvent e where e.id = :id")
    Optional<CommunityEvent> lockById(@Param("id") long id);
}

interface EventMaterialRepository extends JpaRepository<EventMaterial, Long> {

    List<EventMaterial> findByEventIdOrderByIdAsc(long eventId);
}

interface EventRegistrationRepository extends JpaRepository<EventRegistration, Long> {

    List<EventRegistration> findByEventIdOrderByIdAsc(long eventId);

    Optional<EventRegistration> findByEventIdAndEmail(long eventId, String email);

    Optional<EventRegistration> findByToken(String token);

    List<EventRegistration> findByEmail(String email);

    long countByEventIdAndStatus(long eventId, EventRegistration.Status status);
}
