package org.cocrea.forum;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ForumMemberRepository extends JpaRepository<ForumMember, Long> {

    List<ForumMember> findAllByOrderByTypeAscOrganisationAsc();
}
