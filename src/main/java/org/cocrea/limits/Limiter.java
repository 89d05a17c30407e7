package org.cocrea.limits;

import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One limit: a token bucket per key (client address, e-mail address, account) in a bounded Caffeine cache. A bucket
 * untouched for the whole window has refilled completely, so forgetting it then loses nothing; when the cache is full
 * Caffeine drops the least used keys first (a key an attacker keeps hitting is the one it keeps).
 */
final class Limiter {

    private final String name;
    private final Rate rate;
    private final Cache<String, Bucket> buckets;

    Limiter(String name, Rate rate, int maxKeys) {
        this.name = name;
        this.rate = rate;
        this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(rate.per()).build();
    }

    /**
     * Takes one request from the key's allowance.
     *
     * @param key a normalised key
     * @return 0 when taken; otherwise the seconds until one more is allowed (at least 1)
     */
    long take(String key) {
        ConsumptionProbe probe = buckets.get(key, k -> Bucket.builder().addLimit(rate.bandwidth()).build())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
    }

    /** Gives one request back to the key's allowance (never above the capacity). */
    void giveBack(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    /** Forgets every key (tests). */
    void clear() {
        buckets.invalidateAll();
    }

    /** @return the limit's name in logs, e.g. {@code client/proposal} */
    String name() {
        return name;
    }

    /** @return its rate */
    Rate rate() {
        return rate;
    }
}
