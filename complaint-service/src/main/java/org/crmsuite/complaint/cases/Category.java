package org.crmsuite.complaint.cases;

/** CO-2: what the complaint is about. */
public enum Category {
    PRODUCT_QUALITY, SERVICE_ATTITUDE, DELIVERY, ORDER_MISMATCH, POLICY, OTHER
}
