package org.cocrea.participant;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrganizationRepository extends JpaRepository<Organization, Long> {

    /** The oldest organisation of that name in any capitals (two told apart only by capitals may exist). */
    Optional<Organization> findFirstByNameIgnoreCaseOrderByIdAsc(String name);
}
