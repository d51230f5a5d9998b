package org.crmsuite.sales.rota;

/** One rep's place on a day's rota and what the day has brought them so far. */
public class RotaSlot {

    String repId;
    SlotState state = SlotState.ON_DUTY;
    /** SA-2: back from a manager's errand; the next walk-in is theirs. */
    boolean priority;
    /** SA-2: turns owed from a business trip. */
    int owed;
    int turnsTaken;
    int turnsLost;
    int notCounted;

    RotaSlot() {
    }

    RotaSlot(String repId) {
        this.repId = repId;
    }

    RotaSlot copy() {
        RotaSlot copy = new RotaSlot(repId);
        copy.state = state;
        copy.priority = priority;
        copy.owed = owed;
        copy.turnsTaken = turnsTaken;
        copy.turnsLost = turnsLost;
        copy.notCounted = notCounted;
        return copy;
    }

    public String repId() {
        return repId;
    }

    public SlotState state() {
        return state;
    }

    public boolean priority() {
        return priority;
    }

    public int owed() {
        return owed;
    }

    public int turnsTaken() {
        return turnsTaken;
    }

    public int turnsLost() {
        return turnsLost;
    }

    public int notCounted() {
        return notCounted;
    }

    boolean onDuty() {
        return state == SlotState.ON_DUTY;
    }
}
