package org.crmsuite.notification.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.crmsuite.notification.NotificationSettings;
import org.crmsuite.notification.staff.StaffDirectoryClient.Staff;
import org.springframework.stereotype.Service;

/**
 * Staff look-ups for recipients (NO-2), each answer reused for {@code crm.notification.directory.cache-ttl} so a burst
 * of events about one department asks identity once. Failures are never cached.
 */
@Service
public class StaffDirectory {

    private final StaffDirectoryClient client;
    private final Clock clock;
    private final NotificationSettings settings;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    StaffDirectory(StaffDirectoryClient client, Clock clock, NotificationSettings settings) {
        this.client = client;
        this.clock = clock;
        this.settings = settings;
    }

    private record Cached(Object value, Instant until) {
    }

    public Optional<Staff> staff(String id) {
        return Optional.ofNullable((Staff) cached("staff:" + id, () -> client.staff(id)));
    }

    public Optional<Staff> managerOf(String departmentId) {
        return Optional.ofNullable((Staff) cached("manager:" + departmentId, () -> client.managerOf(departmentId)));
    }

    public Optional<Staff> directorOf(String departmentId) {
        return Optional.ofNullable((Staff) cached("director:" + departmentId, () -> client.directorOf(departmentId)));
    }

    /** CO-4: the person above the handler (their manager, else the director). */
    public Optional<Staff> nextTierOf(String staffId) {
        StaffDirectoryClient.Escalation escalation = (StaffDirectoryClient.Escalation) cached("escalation:" + staffId,
                () -> client.escalationOf(staffId));
        if (escalation == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(escalation.manager() != null ? escalation.manager() : escalation.director());
    }

    public void clear() {
        cache.clear();
    }

    private Object cached(String key, Supplier<Object> lookup) {
        Instant now = clock.instant();
        Cached hit = cache.get(key);
        if (hit != null && hit.until().isAfter(now)) {
            return hit.value();
        }
        Object value = lookup.get();
        cache.put(key, new Cached(value, now.plus(settings.getDirectory().getCacheTtl())));
        return value;
    }
}
