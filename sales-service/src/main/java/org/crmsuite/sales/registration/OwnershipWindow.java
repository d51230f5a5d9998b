package org.crmsuite.sales.registration;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * SA-4: the first valid registration wins ownership. A visit registration is valid from its registration time for
 * the office's validity (policy: 1 month, 2 in some offices); phone inquiries never establish ownership; an entry that
 * was corrected or overridden by a later one no longer counts (the later one does).
 */
public final class OwnershipWindow {

    private OwnershipWindow() {
    }

    /** What the register says about one visitor now: the owning entry, or else the most recent lapsed one. */
    public record Finding(Optional<Registration> owner, Optional<Registration> lapsed) {
    }

    public static Instant validUntil(Instant registeredAt, int months, ZoneId zone) {
        return registeredAt.atZone(zone).plusMonths(months).toInstant();
    }

    public static Finding find(Collection<Registration> entries, Set<String> superseded, Instant now) {
        var live = entries.stream().filter(r -> r.kind() == Registration.Kind.VISIT)
                .filter(r -> !superseded.contains(r.getId())).toList();
        Optional<Registration> owner = live.stream().filter(r -> r.validAt(now))
                .min(Comparator.comparing(Registration::registeredAt).thenComparing(Registration::getCreatedAt,
                        Comparator.nullsLast(Comparator.naturalOrder())));
        Optional<Registration> lapsed = owner.isPresent() ? Optional.empty()
                : live.stream().filter(r -> r.validUntil() != null && !r.validUntil().isAfter(now))
                        .max(Comparator.comparing(Registration::validUntil));
        return new Finding(owner, lapsed);
    }
}
