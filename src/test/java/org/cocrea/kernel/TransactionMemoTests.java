package org.cocrea.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link TransactionMemo}: once per transaction, forgotten at its end, nothing outside one, inner ones apart. */
class TransactionMemoTests {

    private final TransactionMemo<String, Integer> memo = new TransactionMemo<>();
    private final List<String> loads = new ArrayList<>();
    private final TransactionTemplate required = new TransactionTemplate(new NoResourceTransactionManager());

    private Integer load(String key) {
        loads.add(key);
        return key.length();
    }

    @Test
    void loadsEachKeyOncePerTransaction() {
        required.executeWithoutResult(s -> {
            assertThat(memo.get("abc", this::load)).isEqualTo(3);
            assertThat(memo.get("abc", this::load)).isEqualTo(3);
            assertThat(memo.get("de", this::load)).isEqualTo(2);
        });
        assertThat(loads).containsExactly("abc", "de");
    }

    @Test
    void forgetsAtTheEndOfTheTransactionCommittedOrNot() {
        required.executeWithoutResult(s -> memo.get("abc", this::load));
        required.executeWithoutResult(s -> {
            memo.get("abc", this::load);
            s.setRollbackOnly();
        });
        required.executeWithoutResult(s -> memo.get("abc", this::load));
        assertThat(loads).containsExactly("abc", "abc", "abc");
    }

    @Test
    void remembersNothingOutsideATransaction() {
        memo.put("abc", 7);
        assertThat(memo.get("abc", this::load)).isEqualTo(3);
        assertThat(memo.get("abc", this::load)).isEqualTo(3);
        assertThat(loads).containsExactly("abc", "abc");
    }

    @Test
    void putIsWhatTheRestOfTheTransactionGets() {
        required.executeWithoutResult(s -> {
            memo.put("abc", 7);
            assertThat(memo.get("abc", this::load)).isEqualTo(7);
        });
        assertThat(loads).isEmpty();
    }

    @Test
    void nullIsNotRemembered() {
        required.executeWithoutResult(s -> {
            assertThat(memo.get("x", k -> {
                loads.add(k);
                return null;
            })).isNull();
            assertThat(memo.get("x", this::load)).isEqualTo(1);
        });
        assertThat(loads).containsExactly("x", "x");
    }

    @Test
    void anInnerRequiresNewTransactionHasItsOwnValuesAndTheOuterKeepsItsOwn() {
        TransactionTemplate requiresNew = new TransactionTemplate(required.getTransactionManager());
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        required.executeWithoutResult(outer -> {
            memo.put("abc", 7);
            requiresNew.executeWithoutResult(inner -> {
                assertThat(memo.get("abc", this::load)).isEqualTo(3);
                memo.put("abc", 9);
            });
            assertThat(memo.get("abc", this::load)).isEqualTo(7);
        });
        assertThat(loads).containsExactly("abc");
    }

    /** A transaction manager with transaction synchronization and nothing else, as Spring's tests use. */
    private static final class NoResourceTransactionManager extends AbstractPlatformTransactionManager {

        private final ThreadLocal<Boolean> active = ThreadLocal.withInitial(() -> false);

        @Override
        protected Object doGetTransaction() {
            return new Object[] {active.get()};
        }

        @Override
        protected boolean isExistingTransaction(Object transaction) {
            return (Boolean) ((Object[]) transaction)[0];
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            active.set(true);
        }

        @Override
        protected Object doSuspend(Object transaction) {
            active.set(false);
            return Boolean.TRUE;
        }

        @Override
        protected void doResume(Object transaction, Object suspendedResources) {
            active.set(true);
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }

        @Override
        protected void doSetRollbackOnly(DefaultTransactionStatus status) {
        }

        @Override
        protected void doCleanupAfterCompletion(Object transaction) {
            active.set(false);
        }
    }
}
