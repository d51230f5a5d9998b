package org.crmsuite.sales.units;

import java.time.Instant;

import org.crmsuite.platform.events.AggregateRoot;
import org.crmsuite.platform.web.DomainException;
import org.crmsuite.sales.events.SalesEvents;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A unit of a project's inventory (SA-9): building, unit number, area, price and status. A unit is locked for exactly
 * one deposit by one atomic conditional update ({@link Units#lock}): of any number of reps trying at once, one wins and
 * the others are told {@code unit.not-available}. There is no way to hold a unit without a deposit for a customer.
 */
@Document("units")
@CompoundIndex(name = "project_unit", def = "{'projectId': 1, 'building': 1, 'unitNumber': 1}", unique = true)
public class Unit extends AggregateRoot {

    String projectId;
    String officeId;
    String departmentId;
    String building;
    String unitNumber;
    String area;
    String price;
    String currency;
    UnitStatus status = UnitStatus.AVAILABLE;
    String depositId;
    Instant lockedAt;

    Unit() {
    }

    static Unit create(String projectId, String officeId, String departmentId, String building, String unitNumber,
            String area, String price, String currency) {
        Unit u = new Unit();
        u.projectId = projectId;
        u.officeId = officeId;
        u.departmentId = departmentId;
        u.building = building;
        u.unitNumber = unitNumber;
        u.area = area;
        u.price = price;
        u.currency = currency;
        return u;
    }

    void advance(String depositId, UnitStatus stage) {
        requireHeldBy(depositId);
        this.status = stage;
    }

    /** Cancellation releases the unit at once (SA-9). */
    void release(String depositId, String cause, Instant at) {
        requireHeldBy(depositId);
        status = UnitStatus.AVAILABLE;
        this.depositId = null;
        this.lockedAt = null;
        raise(SalesEvents.UNIT_RELEASED, new SalesEvents.UnitReleased(getId(), projectId, depositId, cause, at));
    }

    void reprice(String price) {
        if (status != UnitStatus.AVAILABLE) {
            throw DomainException.conflict("unit.not-available", "The price of a unit under deposit does not change");
        }
        this.price = price;
    }

    private void requireHeldBy(String deposit) {
        if (!deposit.equals(depositId)) {
            throw DomainException.conflict("unit.not-held", "Unit " + getId() + " is not held by deposit " + deposit);
        }
    }

    DomainException notAvailable() {
        return DomainException.conflict("unit.not-available", "Unit " + building + "-" + unitNumber + " is not available ("
                + status + ")").with("unitId", getId()).with("unitStatus", status.name());
    }

    public String projectId() { return projectId; }
    public String officeId() { return officeId; }
    public String departmentId() { return departmentId; }
    public String building() { return building; }
    public String unitNumber() { return unitNumber; }
    public String area() { return area; }
    public String price() { return price; }
    public String currency() { return currency; }
    public UnitStatus status() { return status; }
    public String depositId() { return depositId; }
    public Instant lockedAt() { return lockedAt; }
}
