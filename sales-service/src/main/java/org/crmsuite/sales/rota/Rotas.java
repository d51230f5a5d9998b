package org.crmsuite.sales.rota;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.crmsuite.platform.events.AggregateStore;
import org.crmsuite.platform.jobs.MongoLeases;
import org.crmsuite.platform.web.DomainException;
import org.crmsuite.sales.SalesSettings;
import org.crmsuite.sales.office.SalesOffice;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The day rotas. Every change is read – decide – conditional write (the version in the filter) inside the rota's
 * lease, and, should another writer still have come first, read again and decide again: so the rota stays exact however
 * many walk-ins arrive at once on however many instances.
 */
@Service
public class Rotas {

    private static final Duration LEASE = Duration.ofSeconds(15);

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final MongoLeases leases;
    private final int retries;
    private final Duration wait;

    Rotas(MongoTemplate mongo, AggregateStore store, MongoLeases leases, SalesSettings settings) {
        this.mongo = mongo;
        this.store = store;
        this.leases = leases;
        this.retries = settings.rotaRetries();
        this.wait = settings.rotaWait();
    }

    public Rota get(String officeId, LocalDate date) {
        Rota rota = mongo.findById(Rota.idOf(officeId, date), Rota.class);
        if (rota == null) {
            throw DomainException.notFound("rota", Rota.idOf(officeId, date));
        }
        return rota;
    }

    public Rota create(SalesOffice office, LocalDate date, List<String> reps, String by) {
        try {
            return store.save(Rota.create(office.id(), office.departmentId(), date, reps, by));
        } catch (DuplicateKeyException exists) {
            throw DomainException.conflict("rota.exists", "The rota of " + office.id() + " for " + date
                    + " exists already; reorder it instead");
        }
    }

    /**
     * Applies {@code change} to the current rota and writes it conditionally. Changes of one rota take turns through a
     * named lease (a critical section across instances, {@code rota:<office>:<date>}), so each decides on the state the
     * previous one wrote; the version in the write's filter is the second guard — a writer that still finds it changed
     * (a lease that ran out) re-reads and re-applies.
     */
    public <T> T change(String officeId, LocalDate date, Function<Rota, T> change) {
        get(officeId, date);
        return leases.withLease("rota:" + Rota.idOf(officeId, date), LEASE, wait, () -> changeNow(officeId, date, change));
    }

    private <T> T changeNow(String officeId, LocalDate date, Function<Rota, T> change) {
        for (int attempt = 1;; attempt++) {
            Rota rota = get(officeId, date);
            T result = change.apply(rota);
            try {
                store.save(rota);
                return result;
            } catch (OptimisticLockingFailureException beaten) {
                if (attempt >= retries) {
                    throw DomainException.unavailable("rota.busy", "The rota is changing too fast; try again");
                }
                backOff(attempt);
            }
        }
    }

    /** SA-8: the leaver is off every rota of {@code from} and later. */
    public int takeOffFrom(String repId, LocalDate from) {
        Query query = Query.query(Criteria.where("slots.repId").is(repId).and("date").gte(from.toString()));
        query.fields().include("_id", "officeId", "date");
        int changed = 0;
        for (Rota rota : mongo.find(query, Rota.class)) {
            if (change(rota.officeId, LocalDate.parse(rota.date), r -> r.takeOff(repId))) {
                changed++;
            }
        }
        return changed;
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 3 + Math.min(attempt, 20)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DomainException.unavailable("rota.busy", "Interrupted while the rota was busy");
        }
    }
}
