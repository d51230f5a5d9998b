package org.crmsuite.complaint.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.crmsuite.complaint.ComplaintSettings;
import org.crmsuite.platform.cache.ShortLived;
import org.crmsuite.platform.calendar.BusinessCalendar;
import org.crmsuite.platform.calendar.CalendarYear;
import org.crmsuite.platform.calendar.ShippedCalendars;
import org.crmsuite.platform.calendar.WeeklyHours;
import org.crmsuite.platform.calendar.WorkingInterval;
import org.crmsuite.platform.events.AggregateStore;
import org.crmsuite.platform.web.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The suite's business calendars (DOMAIN.md "Business calendar"), kept in MongoDB. On start-up the shipped default
 * calendar ({@code cn-default}, platform {@code calendars/}) is stored if missing, and shipped years the stored copy
 * lacks are added; years an administrator imported are never overwritten.
 */
@Service
@Order(0)
public class Calendars implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Calendars.class);

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Clock clock;
    private final ShortLived<String, BusinessCalendar> cache;

    Calendars(MongoTemplate mongo, AggregateStore store, Clock clock, ComplaintSettings settings) {
        this.mongo = mongo;
        this.store = store;
        this.clock = clock;
        this.cache = new ShortLived<>(settings.cacheTtl() == null ? Duration.ZERO : settings.cacheTtl());
    }

    /**
     * The calendar to compute with; 404 {@code calendar.not-found} when there is none with this id. Reused for
     * {@code crm.complaint.cache-ttl}: an import through another instance applies here within that time.
     */
    public BusinessCalendar calendar(String id) {
        return cache.get(id, key -> document(key).toCalendar());
    }

    public CalendarDocument document(String id) {
        CalendarDocument document = mongo.findById(id, CalendarDocument.class);
        if (document == null) {
            throw DomainException.notFound("calendar", id);
        }
        return document;
    }

    public boolean exists(String id) {
        return mongo.findById(id, CalendarDocument.class) != null;
    }

    List<CalendarDocument> all() {
        return mongo.find(new Query().with(Sort.by("_id")), CalendarDocument.class);
    }

    /** Creates a calendar or replaces its zone and hours; {@code expectedVersion} null or -1 means "create". */
    CalendarDocument define(String id, String name, String zone, WeeklyHours hours, List<WorkingInterval> makeUpDayHours,
            Long expectedVersion, String by) {
        CalendarDocument existing = mongo.findById(id, CalendarDocument.class);
        if (existing == null) {
            BusinessCalendar calendar = build(() -> BusinessCalendar.builder(id).name(name).zone(zoneOf(zone)).hours(hours)
                    .makeUpDayHours(makeUpDayHours).build());
            return forgetAfter(id, store.save(CalendarDocument.of(calendar, clock.instant(), by)));
        }
        if (expectedVersion == null || expectedVersion < 0) {
            throw DomainException.badRequest("calendar.version-required",
                    "Calendar " + id + " exists: send the version you last read to replace it")
                    .with("version", existing.getVersion());
        }
        requireVersion(existing, expectedVersion);
        BusinessCalendar current = existing.toCalendar();
        BusinessCalendar changed = build(() -> current.toBuilder().name(name).zone(zoneOf(zone)).hours(hours)
                .makeUpDayHours(makeUpDayHours).build());
        existing.define(changed, by);
        return forgetAfter(id, store.save(existing));
    }

    /** Imports one year's holidays and make-up days, replacing that year (CalendarYearFormat). */
    CalendarDocument importYear(String id, CalendarYear year, Long expectedVersion, String by) {
        CalendarDocument existing = document(id);
        requireVersion(existing, expectedVersion);
        BusinessCalendar current = existing.toCalendar();
        build(() -> current.withYear(year));
        existing.importYear(year, clock.instant(), by);
        return forgetAfter(id, store.save(existing));
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String id : ShippedCalendars.ids()) {
            BusinessCalendar shipped = ShippedCalendars.load(id);
            CalendarDocument stored = mongo.findById(id, CalendarDocument.class);
            try {
                if (stored == null) {
                    store.save(CalendarDocument.of(shipped, clock.instant(), "shipped"));
                    log.info("stored the shipped calendar {} (years {})", id, shipped.years().keySet());
                    continue;
                }
                boolean added = false;
                for (CalendarYear year : shipped.years().values()) {
                    added |= stored.addShippedYearIfMissing(year, clock.instant());
                }
                if (added) {
                    store.save(stored);
                }
            } catch (DuplicateKeyException | OptimisticLockingFailureException anotherInstanceWasFirst) {
                log.info("calendar {} was stored by another instance meanwhile", id);
            }
        }
    }

    private CalendarDocument forgetAfter(String id, CalendarDocument saved) {
        cache.forget(id);
        return saved;
    }

    private static void requireVersion(CalendarDocument existing, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion >= 0 && !expectedVersion.equals(existing.getVersion())) {
            throw new OptimisticLockingFailureException("calendar " + existing.getId() + " version " + expectedVersion + " is stale");
        }
    }

    private static ZoneId zoneOf(String zone) {
        try {
            return zone == null ? ZoneId.of("Asia/Shanghai") : ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw DomainException.badRequest("calendar.invalid", "Unknown time zone '" + zone + "' (use an IANA id such as Asia/Shanghai)");
        }
    }

    private static BusinessCalendar build(java.util.function.Supplier<BusinessCalendar> builder) {
        try {
            return builder.get();
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("calendar.invalid", e.getMessage());
        }
    }
}
