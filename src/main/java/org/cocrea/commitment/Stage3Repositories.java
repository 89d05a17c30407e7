package org.cocrea.commitment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Repositories of the Stage 3 tables (top-level package-private interfaces; Spring Data skips nested ones). */
interface CommitmentVersionRepository extends JpaRepository<CommitmentVersion, Long> {

    List<CommitmentVersion> findByCommitmentIdOrderByVersionAsc(long commitmentId);

    Optional<CommitmentVersion> findByCommitmentIdAndVersion(long commitmentId, int version);
}

interface DraftCommentRepository extends JpaRepository<DraftComment, Long> {

    List<DraftComment> findByCommitmentIdOrderByIdAsc(long commitmentId);

    long countByCommitmentIdAndAnswerIsNullAndWithdrawnAtIsNull(long commitmentId);

    Optional<DraftComment> findByAuthorToken(String authorToken);

    long countByCommitmentId(long commitmentId);
}

interface DraftCommentRevisionRepository extends JpaRepository<DraftCommentRevision, Long> {

    List<DraftCommentRevision> findByCommentIdOrderByIdAsc(long commentId);
}

interface EndorsementRepository extends JpaRepository<Endorsement, Long> {

    List<Endorsement> findByActionPlanOrderByEndorsedOnAscIdAsc(String actionPlan);
}

interface CommitmentCodeRepository extends JpaRepository<Commitment, Long> {

    @Query("select c.code from Commitment c where c.code like concat(?1, '%')")
    List<String> codesStartingWith(String prefix);

    List<Commitment> findByStatusNotOrderByIdDesc(Commitment.Status status);

    List<Commitment> findByStatusInOrderByIdDesc(Collection<Commitment.Status> statuses);
}
