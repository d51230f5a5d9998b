package org.crmsuite.notification.delivery;

/**
 * Who a delivery goes to: {@code kind} STAFF (id = staff id), CUSTOMER (id = customer id), PARTNER (id = partner
 * client id); {@code address} is the e-mail, phone, callback URL or (inbox) the staff id.
 */
public record Recipient(String kind, String id, String name, String address, String locale) {

    public static final String STAFF = "STAFF";
    public static final String CUSTOMER = "CUSTOMER";
    public static final String PARTNER = "PARTNER";

    public Recipient withAddress(String newAddress) {
        return new Recipient(kind, id, name, newAddress, locale);
    }
}
