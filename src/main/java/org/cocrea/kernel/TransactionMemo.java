package org.cocrea.kernel;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values looked up once per transaction: within one Spring transaction the first {@link #get} of a key loads it, the
 * next ones return what was loaded; when the transaction ends (commit or rollback) everything is forgotten. Outside a
 * transaction (no synchronization active) nothing is remembered and every call loads. A transaction suspended for an
 * inner {@code REQUIRES_NEW} one keeps its values to itself: the inner one starts empty.
 *
 * <p>For what does not change within a transaction that reads it several times, such as the proposal a tracking code
 * names, or a group's members while one engine command creates many tasks for it: one statement instead of one per
 * listener. Not for values the same transaction changes (those are in the JPA persistence context already). Not
 * thread-safe, as a transaction is not.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class TransactionMemo<K, V> {

    /**
     * Returns the remembered value of the key, or loads, remembers and returns it. A null from {@code load} is
     * returned and not remembered.
     *
     * @param key  what to look up
     * @param load how to load it on the first call of the transaction
     * @return the value
     */
    public V get(K key, Function<? super K, ? extends V> load) {
        Map<K, V> values = values();
        if (values == null) {
            return load.apply(key);
        }
        V value = values.get(key);
        if (value == null) {
            value = load.apply(key);
            if (value != null) {
                values.put(key, value);
            }
        }
        return value;
    }

    /**
     * Remembers a value for the rest of the current transaction (nothing outside one).
     *
     * @param key   the key
     * @param value the value, not null
     */
    public void put(K key, V value) {
        Map<K, V> values = values();
        if (values != null) {
            values.put(key, value);
        }
    }

    /** @return this memo's values in the current transaction, bound on first use; null outside a transaction */
    @SuppressWarnings("unchecked")
    private Map<K, V> values() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<K, V> values = (Map<K, V>) TransactionSynchronizationManager.getResource(this);
        if (values == null) {
            Map<K, V> bound = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, bound);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TransactionMemo.this);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TransactionMemo.this);
                    TransactionSynchronizationManager.bindResource(TransactionMemo.this, bound);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TransactionMemo.this);
                }
            });
            values = bound;
        }
        return values;
    }
}
