package org.crmsuite.visit.surveys;

import java.time.Instant;
import java.util.List;

/** A satisfaction survey as the API shows it (VI-5), separate from the stored document. */
record SurveyView(String id, Long version, String customerId, String customerName, String ownerId, String departmentId,
        int year, String templateId, String templateName, List<Questionnaire.Question> questions, SurveyChannel channel,
        Survey.Contact contact, Survey.Status status, Instant sentAt, String sentBy, List<Survey.Answer> answers,
        String comment, Double averageScore, Instant answeredAt, String recordedBy) {

    static SurveyView of(Survey survey) {
        return new SurveyView(survey.getId(), survey.getVersion(), survey.getCustomerId(), survey.getCustomerName(),
                survey.getOwnerId(), survey.getDepartmentId(), survey.getYear(), survey.getTemplateId(),
                survey.getTemplateName(), survey.getQuestions(), survey.getChannel(), survey.getContact(),
                survey.getStatus(), survey.getSentAt(), survey.getSentBy(), survey.getAnswers(), survey.getComment(),
                survey.getAverageScore(), survey.getAnsweredAt(), survey.getRecordedBy());
    }
}
