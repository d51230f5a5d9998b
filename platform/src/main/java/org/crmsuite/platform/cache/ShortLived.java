package org.crmsuite.platform.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A read cache whose entries live a few seconds: for settings read on every request (the policy, a calendar) that
 * change rarely. A change made through this instance clears the entry at once; other instances see it within the
 * time to live — no state that instances must share. Monotonic time ({@code nanoTime}), not the business clock: this is
 * about the machine's time, not the domain's.
 */
public final class ShortLived<K, V> {

    private record Entry<V>(V value, long expiresAt) {
    }

    private final long ttlNanos;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public ShortLived(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    public V get(K key, Function<K, V> load) {
        if (ttlNanos <= 0) {
            return load.apply(key);
        }
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.expiresAt() < 0) {
            return entry.value();
        }
        V value = load.apply(key);
        entries.put(key, new Entry<>(value, now + ttlNanos));
        return value;
    }

    public void forget(K key) {
        entries.remove(key);
    }
}
