package org.cocrea.area;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AreaRepository extends JpaRepository<Area, String> {

    Optional<Area> findByCandidateGroup(String candidateGroup);
}
