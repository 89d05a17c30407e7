package org.cocrea.participant;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ContactRepository extends JpaRepository<Contact, Long> {

    Optional<Contact> findByEmailIgnoreCase(String email);

    Optional<Contact> findByToken(String token);

    java.util.List<Contact> findTop200ByOrderByIdDesc();

    long countBySubscribedTrueAndConsentAtNotNullAndErasedAtIsNull();

    java.util.List<Contact> findByAxesContaining(String axis);

    java.util.List<Contact> findByOrganization_IdIn(java.util.Collection<Long> organizationIds);
}
