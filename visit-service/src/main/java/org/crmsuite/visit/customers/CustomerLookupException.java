package org.crmsuite.visit.customers;

/** customer-service could not tell us about a customer: it knows none by that id, or it did not answer. */
public class CustomerLookupException extends RuntimeException {

    public enum Outcome { NOT_FOUND, UNAVAILABLE }

    private final Outcome outcome;

    public CustomerLookupException(Outcome outcome, String message) {
        super(message);
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }
}
