package org.crmsuite.sales.rota;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.crmsuite.platform.events.AggregateRoot;
import org.crmsuite.platform.web.DomainException;
import org.crmsuite.sales.events.SalesEvents;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One office's rota for one day (SA-1): the reps in order, the cursor (who is next), and the log of every reception
 * decided against it. It is the one shared truth of the desk: each reception is one conditional write of this document
 * (version check, {@link org.crmsuite.platform.events.AggregateStore}) carrying its {@code reception.assigned} event, so
 * two instances taking walk-ins at the same moment can never hand out the same turn or skip a rep; the loser re-reads
 * and decides again.
 */
@Document("rotas")
public class Rota extends AggregateRoot {

    String officeId;
    String departmentId;
    String date;
    List<RotaSlot> slots = new ArrayList<>();
    int cursor;
    /** The rep who took the most recent counted turn (the SA-3 courtesy receiver). */
    String lastCountedRepId;
    List<Turn> turns = new ArrayList<>();
    String orderedBy;

    /** One reception decided against the rota. */
    public record Turn(String receptionId, String repId, String creditedRepId, String rule, String reason,
            boolean counted, String registrationId, Instant at,
            @com.fasterxml.jackson.annotation.JsonIgnore String idempotencyKey) {
    }

    Rota() {
    }

    public static String idOf(String officeId, LocalDate date) {
        return officeId + ":" + date;
    }

    static Rota create(String officeId, String departmentId, LocalDate date, List<String> reps, String by) {
        Rota rota = new Rota();
        rota.setId(idOf(officeId, date));
        rota.officeId = officeId;
        rota.departmentId = departmentId;
        rota.date = date.toString();
        rota.reorder(reps, null, by);
        return rota;
    }

    /**
     * SA-1: only a manager changes the order. Reps keep the day's state and counters; new reps join on duty; reps left
     * out are taken off the rota. {@code next} names who is next (default: the first in the new order).
     */
    void reorder(List<String> reps, String next, String by) {
        List<String> order = new ArrayList<>(new LinkedHashSet<>(reps));
        if (order.size() != reps.size()) {
            throw DomainException.badRequest("rota.duplicate-rep", "A rep appears twice in the order").with("field", "order");
        }
        List<RotaSlot> reordered = new ArrayList<>();
        for (String rep : order) {
            reordered.add(slot(rep).map(RotaSlot::copy).orElseGet(() -> new RotaSlot(rep)));
        }
        slots = reordered;
        int nextIndex = next == null ? 0 : order.indexOf(next);
        if (nextIndex < 0) {
            throw DomainException.badRequest("rota.next-not-on-rota", "The rep named next is not in the order")
                    .with("field", "next");
        }
        cursor = nextIndex;
        orderedBy = by;
    }

    /** SA-2: a rep goes absent (of a kind) or comes back; coming back from an errand earns the priority slot. */
    void mark(String repId, SlotState state) {
        RotaSlot slot = slot(repId).orElseThrow(() -> DomainException.notFound("rota-rep", repId));
        if (state == SlotState.ON_DUTY && slot.state == SlotState.ERRAND) {
            slot.priority = true;
        }
        if (state != SlotState.ON_DUTY) {
            slot.priority = false;
        }
        slot.state = state;
    }

    /** SA-8: a leaver is off every rota of today and later. */
    public boolean takeOff(String repId) {
        Optional<RotaSlot> slot = slot(repId);
        if (slot.isEmpty() || slot.get().state == SlotState.OFF) {
            return false;
        }
        slot.get().state = SlotState.OFF;
        slot.get().priority = false;
        return true;
    }

    /** SA-1/SA-2: the next walk-in by the rota. */
    public Turn takeTurn(String receptionId, String visitorName, String registrationId, String creditedTo, String note,
            int maxOwed, Instant at) {
        return takeTurn(receptionId, visitorName, registrationId, creditedTo, note, maxOwed, at, null);
    }

    public Turn takeTurn(String receptionId, String visitorName, String registrationId, String creditedTo, String note,
            int maxOwed, Instant at, String idempotencyKey) {
        RotaTurn.Pick pick = RotaTurn.choose(slots, cursor);
        if (pick == null) {
            throw nobodyOnDuty();
        }
        RotaTurn.apply(slots, pick, maxOwed);
        if (pick.kind() == RotaTurn.Kind.ROUND_ROBIN) {
            cursor = pick.cursorAfter();
        }
        String rep = slots.get(pick.index()).repId;
        lastCountedRepId = rep;
        String reason = note == null ? pick.reason() : note + "; " + pick.reason();
        return record(new Turn(receptionId, rep, creditedTo == null ? rep : creditedTo, pick.rule(), reason, true,
                registrationId, at, idempotencyKey), visitorName);
    }

    /** SA-3/SA-5: a walk-in that goes to a named rep without counting as a turn. */
    public Turn receiveOutsideTurn(String receptionId, String repId, String creditedTo, String rule, String reason,
            String visitorName, String registrationId, Instant at) {
        return receiveOutsideTurn(receptionId, repId, creditedTo, rule, reason, visitorName, registrationId, at, null);
    }

    public Turn receiveOutsideTurn(String receptionId, String repId, String creditedTo, String rule, String reason,
            String visitorName, String registrationId, Instant at, String idempotencyKey) {
        RotaSlot slot = slot(repId).filter(RotaSlot::onDuty)
                .orElseThrow(() -> DomainException.conflict("rota.rep-not-on-duty", repId + " is not on duty today"));
        slot.notCounted++;
        return record(new Turn(receptionId, repId, creditedTo, rule, reason, false, registrationId, at, idempotencyKey),
                visitorName);
    }

    private Turn record(Turn turn, String visitorName) {
        turns.add(turn);
        raise(SalesEvents.RECEPTION_ASSIGNED, new SalesEvents.ReceptionAssigned(turn.receptionId(), officeId,
                departmentId, turn.repId(), turn.creditedRepId(), turn.rule(), turn.reason(), turn.counted(), visitorName,
                turn.registrationId(), standby().orElse(null), turn.at()));
        return turn;
    }

    /** The turn a request with this {@code Idempotency-Key} already took: a retry gets it back, not a second turn. */
    public Optional<Turn> turnFor(String idempotencyKey) {
        return idempotencyKey == null ? Optional.empty()
                : turns.stream().filter(t -> idempotencyKey.equals(t.idempotencyKey())).findFirst();
    }

    /** Who the rota gives the next walk-in to, without taking the turn. */
    public Optional<String> next() {
        RotaTurn.Pick pick = RotaTurn.choose(slots, cursor);
        return pick == null ? Optional.empty() : Optional.of(slots.get(pick.index()).repId);
    }

    /** SA-1: who stands by: the one after the next. */
    public Optional<String> standby() {
        List<RotaSlot> copy = slots.stream().map(RotaSlot::copy).toList();
        RotaTurn.Pick first = RotaTurn.choose(copy, cursor);
        if (first == null) {
            return Optional.empty();
        }
        RotaTurn.apply(copy, first, Integer.MAX_VALUE);
        int after = first.kind() == RotaTurn.Kind.ROUND_ROBIN ? first.cursorAfter() : cursor;
        RotaTurn.Pick second = RotaTurn.choose(copy, after);
        return second == null ? Optional.empty() : Optional.of(copy.get(second.index()).repId);
    }

    /**
     * SA-3: the registered rep is absent: the last rep in the rota receives as a courtesy, i.e. the rep on duty who
     * took the most recent turn (before any turn today: the last rep on duty in the order).
     */
    public Optional<String> courtesyReceiver() {
        if (lastCountedRepId != null && slot(lastCountedRepId).filter(RotaSlot::onDuty).isPresent()) {
            return Optional.of(lastCountedRepId);
        }
        for (int i = slots.size() - 1; i >= 0; i--) {
            if (slots.get(i).onDuty()) {
                return Optional.of(slots.get(i).repId);
            }
        }
        return Optional.empty();
    }

    public boolean isOnDuty(String repId) {
        return slot(repId).filter(RotaSlot::onDuty).isPresent();
    }

    private Optional<RotaSlot> slot(String repId) {
        return slots.stream().filter(s -> s.repId.equals(repId)).findFirst();
    }

    static DomainException nobodyOnDuty() {
        return DomainException.conflict("rota.nobody-on-duty", "Nobody on today's rota is on duty");
    }

    public String officeId() {
        return officeId;
    }

    public String departmentId() {
        return departmentId;
    }

    public String date() {
        return date;
    }

    public List<RotaSlot> slots() {
        return List.copyOf(slots);
    }

    public int cursor() {
        return cursor;
    }

    public List<Turn> turns() {
        return List.copyOf(turns);
    }

    public String orderedBy() {
        return orderedBy;
    }
}
