package org.cocrea.roundtable;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RoundTableRepository extends JpaRepository<RoundTable, Long> {

    List<RoundTable> findByCallIdOrderByStartsAtAsc(Long callId);

    Optional<RoundTable> findByCallIdAndAxis(Long callId, String axis);

    List<RoundTable> findByStatusOrderByStartsAtAsc(RoundTableStatus status);

    /** Takes the round-table's row lock for the rest of the transaction (registrations count seats under it). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from RoundTable t where t.id = :id")
    Optional<RoundTable> lockById(@Param("id") Long id);
}

interface RegistrationRepository extends JpaRepository<Registration, Long> {

    List<Registration> findByRoundTableIdOrderByIdAsc(Long roundTableId);

    Optional<Registration> findByRoundTableIdAndEmailIgnoreCase(Long roundTableId, String email);

    long countByRoundTableIdAndStatus(Long roundTableId, Registration.Status status);

    List<Registration> findByEmailIgnoreCaseOrderByIdAsc(String email);
}

interface BoardEntryRepository extends JpaRepository<BoardEntry, Long> {

    List<BoardEntry> findByRoundTableIdAndBoardOrderByIdAsc(Long roundTableId, BoardEntry.Board board);
}
