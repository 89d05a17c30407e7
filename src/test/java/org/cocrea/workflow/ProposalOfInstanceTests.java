package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.Proposals;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.SqlStatements;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link ProposalOfInstance} on PostgreSQL: the proposal of an instance comes from its business key, looked up once per
 * transaction however many listeners ask (issue 12, benchmark 1: every listener of a submission reloaded it by its
 * tracking code), and never from a stale transaction.
 */
@CocreaIntegrationTest
class ProposalOfInstanceTests {

    @Autowired
    TestFixtures fixtures;
    @Autowired
    ProposalOfInstance proposalOf;
    @Autowired
    Proposals proposals;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theTrackingCodeIsLookedUpOncePerTransaction() {
        Proposal proposal = fixtures.feasibilityReview("poi-ambiente").proposal();
        DelegateExecution execution = instanceOf(proposal.getTrackingCode());
        long statements = transactions.execute(s -> {
            SqlStatements.reset();
            assertThat(proposalOf.of(execution).getId()).isEqualTo(proposal.getId());
            assertThat(proposalOf.of(execution).getId()).isEqualTo(proposal.getId());
            assertThat(proposalOf.of(execution).getTitle()).isEqualTo("Corredores verdes");
            return SqlStatements.count();
        });
        assertThat(statements).isEqualTo(1);
        // the next transaction looks it up again (and sees what was committed meanwhile)
        fixtures.jdbc().update("update proposal set title = 'Corredores de arbolado' where id = ?", proposal.getId());
        String title = transactions.execute(s -> proposalOf.of(execution).getTitle());
        assertThat(title).isEqualTo("Corredores de arbolado");
    }

    @Test
    void aProposalRememberedByTheTransactionThatHoldsItTakesNoStatement() {
        Proposal proposal = fixtures.feasibilityReview("poi-ambiente").proposal();
        DelegateExecution execution = instanceOf(proposal.getTrackingCode());
        long statements = transactions.execute(s -> {
            proposals.get(proposal.getId()); // as the submission's transaction holds the proposal it stored
            SqlStatements.reset();
            proposalOf.remember(proposal.getTrackingCode(), proposal.getId());
            assertThat(proposalOf.of(execution).getId()).isEqualTo(proposal.getId());
            return SqlStatements.count();
        });
        assertThat(statements).isZero();
    }

    @Test
    void anUnknownBusinessKeyIsABrokenInstance() {
        fixtures.reset();
        DelegateExecution execution = instanceOf("CC-NOSUCH00");
        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> proposalOf.of(execution)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CC-NOSUCH00");
    }

    private static DelegateExecution instanceOf(String businessKey) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getProcessBusinessKey()).thenReturn(businessKey);
        return execution;
    }
}
