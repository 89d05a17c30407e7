package org.cocrea.participant;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ContactRepository extends JpaRepository<Contact, Long> {

    /**
     * @param id a contact id
     * @return the contact, its row locked until the transaction ends ({@code for update}): an erasure takes it
     *         first, so a mass mailing's batch writing a mail to the person finishes before the erasure forgets it
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Contact c where c.id = :id")
    Optional<Contact> lockById(@Param("id") Long id);

    Optional<Contact> findByEmailIgnoreCase(String email);

    Optional<Contact> findByToken(String token);

    List<Contact> findTop200ByOrderByIdDesc();

    long countBySubscribedTrueAndConsentAtNotNullAndErasedAtIsNull();

    List<Contact> findByAxesContaining(String axis);

    List<Contact> findByOrganization_IdIn(Collection<Long> organizationIds);
}
