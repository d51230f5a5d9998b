package org.crmsuite.visit.surveys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crmsuite.platform.events.AggregateRoot;
import org.crmsuite.platform.web.DomainException;
import org.crmsuite.visit.events.VisitEvents;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * VI-5 Surveys: the yearly satisfaction survey of one customer — questionnaire, channel and result. One per customer
 * and year (unique index). Sending raises {@code visit.survey.sent} for notification-service; the customer's answers
 * (1 = very dissatisfied … 5 = very satisfied per question) raise {@code visit.survey.answered}.
 */
@Document("surveys")
@CompoundIndexes({
        @CompoundIndex(name = "customer_year", def = "{'customerId': 1, 'year': 1}", unique = true),
        @CompoundIndex(name = "year_department", def = "{'year': 1, 'departmentId': 1, 'status': 1}") })
public class Survey extends AggregateRoot {

    public enum Status { SENT, ANSWERED }

    private String customerId;
    private String customerName;
    private String ownerId;
    private String departmentId;
    private int year;
    private String templateId;
    private String templateName;
    private List<Questionnaire.Question> questions = new ArrayList<>();
    private SurveyChannel channel;
    private Contact contact;
    private Status status;
    private Instant sentAt;
    private String sentBy;
    private List<Answer> answers = new ArrayList<>();
    private String comment;
    private Double averageScore;
    private Instant answeredAt;
    private String recordedBy;
    @org.springframework.data.mongodb.core.index.Indexed(unique = true, sparse = true)
    private String idempotencyKey;

    public record Contact(String name, String phone, String email) {
    }

    /** One answer: the question, its area, and the score 1 (very dissatisfied) … 5 (very satisfied). */
    public record Answer(String questionId, String area, int score) {
    }

    public static Survey send(String customerId, String customerName, String ownerId, String departmentId, int year,
            Questionnaire questionnaire, SurveyChannel channel, Contact contact, String by, Instant now) {
        return send(null, customerId, customerName, ownerId, departmentId, year, questionnaire, channel, contact, by, now);
    }

    /** @param id a fixed id (demo data written once by whichever instance is first), or null for a new one */
    public static Survey send(String id, String customerId, String customerName, String ownerId, String departmentId,
            int year, Questionnaire questionnaire, SurveyChannel channel, Contact contact, String by, Instant now) {
        Survey survey = new Survey();
        survey.setId(id);
        survey.customerId = customerId;
        survey.customerName = customerName;
        survey.ownerId = ownerId;
        survey.departmentId = departmentId;
        survey.year = year;
        survey.templateId = questionnaire.getId();
        survey.templateName = questionnaire.getName();
        survey.questions = new ArrayList<>(questionnaire.getQuestions());
        survey.channel = channel;
        survey.contact = contact;
        survey.status = Status.SENT;
        survey.sentAt = now;
        survey.sentBy = by;
        List<Map<String, String>> questions = survey.questions.stream().map(q -> {
            Map<String, String> question = new LinkedHashMap<>();
            question.put("id", q.id());
            question.put("area", q.area());
            question.put("text", q.text());
            return question;
        }).toList();
        survey.raise(VisitEvents.SURVEY_SENT, new VisitEvents.SurveySent(survey.ensureId(), customerId, customerName,
                ownerId, departmentId, year, channel.name(), survey.templateId, survey.templateName, questions,
                contact == null ? null : contact.name(), contact == null ? null : contact.phone(),
                contact == null ? null : contact.email(), by));
        return survey;
    }

    /** A survey sent through the API remembers the caller's {@code Idempotency-Key}: a repeated POST returns it. */
    public void rememberIdempotencyKey(String key) {
        this.idempotencyKey = key;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    /** The customer's answers, one per question; 409 when answered already. */
    public void answer(List<Answer> given, String comment, String by, Instant at, int lowestAreas) {
        if (status == Status.ANSWERED) {
            throw DomainException.conflict("survey.answered", "Survey " + getId() + " was answered already");
        }
        this.answers = new ArrayList<>(given);
        this.comment = comment;
        this.status = Status.ANSWERED;
        this.answeredAt = at;
        this.recordedBy = by;
        this.averageScore = round(given.stream().mapToInt(Answer::score).average().orElse(0));
        raise(VisitEvents.SURVEY_ANSWERED, new VisitEvents.SurveyAnswered(getId(), customerId, ownerId, departmentId,
                year, averageScore, lowestAreas(lowestAreas), at, by));
    }

    /** The areas with the lowest average score in this survey's answers, lowest first. */
    List<String> lowestAreas(int n) {
        Map<String, double[]> byArea = new LinkedHashMap<>();
        for (Answer answer : answers) {
            double[] sum = byArea.computeIfAbsent(answer.area(), a -> new double[2]);
            sum[0] += answer.score();
            sum[1]++;
        }
        return byArea.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, double[]>>comparingDouble(e -> e.getValue()[0] / e.getValue()[1])
                        .thenComparing(Map.Entry::getKey))
                .limit(n).map(Map.Entry::getKey).toList();
    }

    static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    public String getCustomerId() {
        return customerId;
    }

    public String getCustomerName() {
        return customerName;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public String getDepartmentId() {
        return departmentId;
    }

    public int getYear() {
        return year;
    }

    public String getTemplateId() {
        return templateId;
    }

    public String getTemplateName() {
        return templateName;
    }

    public List<Questionnaire.Question> getQuestions() {
        return questions;
    }

    public SurveyChannel getChannel() {
        return channel;
    }

    public Contact getContact() {
        return contact;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getSentBy() {
        return sentBy;
    }

    public List<Answer> getAnswers() {
        return answers;
    }

    public String getComment() {
        return comment;
    }

    public Double getAverageScore() {
        return averageScore;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
