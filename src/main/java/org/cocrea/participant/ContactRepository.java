package org.cocrea.participant;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ContactRepository extends JpaRepository<Contact, Long> {

    /**
     * @param ids contact ids
     * @return the addressees of those found, in no order: one statement, without the axes and topics
     */
    @Query("select new org.cocrea.participant.Addressee(c.id, c.email, c.name, c.language, c.token, c.subscribed, "
            + "c.consentAt, c.erasedAt) from Contact c where c.id in :ids")
    List<Addressee> addressees(@Param("ids") Collection<Long> ids);


    Optional<Contact> findByEmailIgnoreCase(String email);

    Optional<Contact> findByToken(String token);

    List<Contact> findTop200ByOrderByIdDesc();

    long countBySubscribedTrueAndConsentAtNotNullAndErasedAtIsNull();

    List<Contact> findByAxesContaining(String axis);

    List<Contact> findByOrganization_IdIn(Collection<Long> organizationIds);
}
