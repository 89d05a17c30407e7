package org.cocrea.roundtable;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RoundTableRepository extends JpaRepository<RoundTable, Long> {

    List<RoundTable> findByCallIdOrderByStartsAtAsc(Long callId);

    Optional<RoundTable> findByCallIdAndAxis(Long callId, String axis);

    List<RoundTable> findByStatusOrderByStartsAtAsc(RoundTableStatus status);
}

interface RegistrationRepository extends JpaRepository<Registration, Long> {

    List<Registration> findByRoundTableIdOrderByIdAsc(Long roundTableId);

    Optional<Registration> findByRoundTableIdAndEmailIgnoreCase(Long roundTableId, String email);

    long countByRoundTableIdAndStatus(Long roundTableId, Registration.Status status);
}

interface BoardEntryRepository extends JpaRepository<BoardEntry, Long> {

    List<BoardEntry> findByRoundTableIdAndBoardOrderByIdAsc(Long roundTableId, BoardEntry.Board board);
}
