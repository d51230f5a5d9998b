package org.crmsuite.sales.units;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.crmsuite.platform.events.AggregateStore;
import org.crmsuite.platform.web.DomainException;
import org.crmsuite.sales.office.SalesOffice;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.stereotype.Service;

/** The unit inventory (SA-9) and its atomic lock. */
@Service
public class Units {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Clock clock;

    Units(MongoTemplate mongo, AggregateStore store, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.clock = clock;
    }

    public Unit get(String id) {
        Unit u = mongo.findById(id, Unit.class);
        if (u == null) {
            throw DomainException.notFound("unit", id);
        }
        return u;
    }

    public Unit create(SalesOffice office, String building, String unitNumber, String area, String price, String currency) {
        try {
            return store.save(Unit.create(office.projectId(), office.id(), office.departmentId(), building, unitNumber,
                    area, price, currency));
        } catch (DuplicateKeyException exists) {
            throw DomainException.conflict("unit.exists", "Unit " + building + "-" + unitNumber + " of "
                    + office.projectId() + " exists already");
        }
    }

    List<Unit> list(String projectId, UnitStatus status) {
        Criteria c = new Criteria();
        if (projectId != null) {
            c = Criteria.where("projectId").is(projectId);
        }
        if (status != null) {
            c = c.and("status").is(status);
        }
        return mongo.find(Query.query(c).with(Sort.by("projectId", "building", "unitNumber")).limit(500), Unit.class);
    }

    /**
     * Locks the unit for {@code depositId} with one atomic conditional update ({@code findAndModify} whose filter
     * requires {@code status: AVAILABLE}; the version is bumped so later aggregate writes stay consistent): of any number
     * of concurrent attempts exactly one matches, the others are {@code unit.not-available} — never a second lock.
     * {@code staleHold} says whether the deposit holding the unit is no longer active (a cancellation whose release
     * was not written): such a unit is released first (with its event), then locked the same way.
     */
    public Unit lock(String unitId, String depositId, UnitStatus stage, Predicate<String> staleHold) {
        Unit unit = get(unitId);
        if (unit.status != UnitStatus.AVAILABLE && unit.depositId != null && staleHold.test(unit.depositId)) {
            release(unitId, unit.depositId, "STALE_HOLD");
            unit = get(unitId);
        }
        if (unit.status != UnitStatus.AVAILABLE) {
            throw unit.notAvailable();
        }
        java.util.Date now = java.util.Date.from(clock.instant());
        Query free = Query.query(Criteria.where("_id").is(unitId).and("status").is(UnitStatus.AVAILABLE.name()));
        Update take = new Update().set("status", stage.name()).set("depositId", depositId).set("lockedAt", now)
                .set("updatedAt", now).inc("version", 1);
        Unit locked = mongo.findAndModify(free, take, FindAndModifyOptions.options().returnNew(true), Unit.class);
        if (locked == null) {
            throw get(unitId).notAvailable();
        }
        return locked;
    }

    public void advance(String unitId, String depositId, UnitStatus stage) {
        modify(unitId, u -> u.advance(depositId, stage));
    }

    /** Releases the unit held by {@code depositId}, now (re-reading when another write came first). */
    public void release(String unitId, String depositId, String cause) {
        modify(unitId, u -> {
            if (depositId.equals(u.depositId)) {
                u.release(depositId, cause, clock.instant());
            }
        });
    }

    Unit reprice(String unitId, String price) {
        return modify(unitId, u -> u.reprice(price));
    }

    private Unit modify(String unitId, Consumer<Unit> change) {
        for (int attempt = 0;; attempt++) {
            Unit unit = get(unitId);
            change.accept(unit);
            try {
                return store.save(unit);
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                if (attempt > 20) {
                    throw changedMeanwhile;
                }
            }
        }
    }
}
