package org.cocrea.following;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface FollowChangeRepository extends JpaRepository<FollowChange, Long> {

    List<FollowChange> findByDigestedAtIsNullOrderByFollowIdAscIdAsc();

    @Modifying
    @Query("delete from FollowChange c where c.followId = :followId")
    void deleteByFollowId(@Param("followId") Long followId);
}
