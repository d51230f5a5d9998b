package org.crmsuite.visit.surveys;

/** VI-5: how the questionnaire reaches the customer (notification-service sends EMAIL and SMS; staff do the rest). */
public enum SurveyChannel {
    EMAIL, SMS, PHONE, ON_SITE, LETTER
}
