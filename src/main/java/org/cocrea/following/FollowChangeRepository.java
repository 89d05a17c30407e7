package org.cocrea.following;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface FollowChangeRepository extends JpaRepository<FollowChange, Long> {

    List<FollowChange> findByDigestedAtIsNullOrderByFollowIdAscIdAsc();
}
