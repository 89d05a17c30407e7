package org.cocrea.proposal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface FeasibilityMeetingRepository extends JpaRepository<FeasibilityMeeting, Long> {

    Optional<FeasibilityMeeting> findByCallIdAndAreaGroup(Long callId, String areaGroup);

    List<FeasibilityMeeting> findByCallIdOrderByAreaGroupAsc(Long callId);
}
