package org.crmsuite.visit.records;

/** VI-3: a visit is filed for every visit, on site and also by phone or video. */
public enum Mode {
    ON_SITE, PHONE, VIDEO
}
