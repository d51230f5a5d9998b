package org.crmsuite.customer.profile;

/** CU-4 volume tier by monthly offtake: new (网拍) until the first month is recorded, then by volume. */
public enum Tier {
    NEW, ORDINARY, ONE_STAR, TWO_STAR, THREE_STAR
}
