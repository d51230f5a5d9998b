package org.crmsuite.sales.registration;

import java.time.Instant;
import java.time.LocalDate;

import org.crmsuite.platform.events.AggregateRoot;
import org.crmsuite.sales.events.SalesEvents;
import org.springframework.data.mongodb.core.mapping.Document;

/** SA-4: one daily confirmation of an office's register by its manager, and its {@code registration-confirmed} event. */
@Document("registration_confirmations")
public class Confirmation extends AggregateRoot {

    String officeId;
    String date;
    int count;
    String confirmedBy;
    Instant confirmedAt;

    Confirmation() {
    }

    static Confirmation of(String id, String officeId, LocalDate date, int count, String by, Instant at) {
        Confirmation c = new Confirmation();
        c.setId(id);
        c.officeId = officeId;
        c.date = date.toString();
        c.count = count;
        c.confirmedBy = by;
        c.confirmedAt = at;
        if (count > 0) {
            c.raise(SalesEvents.REGISTRATION_CONFIRMED, new SalesEvents.RegistrationConfirmed(officeId, date, count, by));
        }
        return c;
    }

    public String officeId() { return officeId; }
    public String date() { return date; }
    public int count() { return count; }
    public String confirmedBy() { return confirmedBy; }
    public Instant confirmedAt() { return confirmedAt; }
}
