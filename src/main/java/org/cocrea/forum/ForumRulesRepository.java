package org.cocrea.forum;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ForumRulesRepository extends JpaRepository<ForumRules, Long> {

    Optional<ForumRules> findFirstByOrderByAdoptedOnDescIdDesc();
}
