package org.crmsuite.identity.directory;

/**
 * Who handles a case raised against or by {@code person} at each CO-4 tier; {@code manager} or {@code director} is
 * null when nobody up the tree fills that tier.
 */
public record Escalation(Person person, Person manager, Person director) {
}
