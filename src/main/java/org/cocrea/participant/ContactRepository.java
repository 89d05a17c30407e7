package org.cocrea.participant;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ContactRepository extends JpaRepository<Contact, Long> {

    Optional<Contact> findByEmailIgnoreCase(String email);

    Optional<Contact> findByToken(String token);

    List<Contact> findTop200ByOrderByIdDesc();

    long countBySubscribedTrueAndConsentAtNotNullAndErasedAtIsNull();

    List<Contact> findByAxesContaining(String axis);

    List<Contact> findByOrganization_IdIn(Collection<Long> organizationIds);
}
