package org.crmsuite.visit.surveys;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crmsuite.platform.events.AggregateStore;
import org.crmsuite.platform.web.DomainException;
import org.crmsuite.platform.web.Problems;
import org.crmsuite.visit.customers.CustomerView;
import org.crmsuite.visit.customers.CustomerViews;
import org.crmsuite.visit.policy.Policies;
import org.crmsuite.visit.web.Filters;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * VI-5: questionnaires, the yearly survey per customer (sent through an event for notification-service), the
 * customer's answers, and the yearly improvement report naming the lowest-scoring areas.
 */
@Service
public class Surveys {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final CustomerViews customers;
    private final Policies policies;
    private final Clock clock;

    Surveys(MongoTemplate mongo, AggregateStore store, CustomerViews customers, Policies policies, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.customers = customers;
        this.policies = policies;
        this.clock = clock;
    }

    public Questionnaire createTemplate(String name, List<Questionnaire.Question> questions, String by) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            if (!ids.add(questions.get(i).id())) {
                throw org.crmsuite.visit.web.Invalid.field("questions[" + i + "].id", "is used twice in this questionnaire");
            }
        }
        return mongo.insert(new Questionnaire(name, questions, by, clock.instant()));
    }

    public Questionnaire template(String id) {
        Questionnaire template = mongo.findById(id, Questionnaire.class);
        if (template == null) {
            throw DomainException.notFound("questionnaire", id);
        }
        return template;
    }

    public List<Questionnaire> templates() {
        return mongo.find(new Query().with(Sort.by("createdAt")), Questionnaire.class);
    }

    public Questionnaire retire(String id) {
        Questionnaire template = template(id);
        template.setActive(false);
        template.setUpdatedAt(clock.instant());
        return mongo.save(template);
    }

    public Survey get(String id) {
        Survey survey = mongo.findById(id, Survey.class);
        if (survey == null) {
            throw DomainException.notFound("survey", id);
        }
        return survey;
    }

    /** The year's survey to one customer; 409 when it has one this year or no business is done with it (CU-7, CU-8). */
    public Survey send(CustomerView customer, int year, String templateId, SurveyChannel channel, Survey.Contact contact,
            String by) {
        return send(customer, year, templateId, channel, contact, by, null).survey();
    }

    /** @param repeated an earlier request with the same {@code Idempotency-Key} sent it */
    public record Sent(Survey survey, boolean repeated) {
    }

    /** {@link #send}, returning the survey an earlier request with the same {@code idempotencyKey} sent. */
    public Sent send(CustomerView customer, int year, String templateId, SurveyChannel channel, Survey.Contact contact,
            String by, String idempotencyKey) {
        if (idempotencyKey != null) {
            Survey earlier = mongo.findOne(Query.query(Criteria.where("idempotencyKey").is(idempotencyKey)), Survey.class);
            if (earlier != null) {
                return new Sent(earlier, true);
            }
        }
        Questionnaire template = activeTemplate(templateId);
        if (customer.isBlacklisted() || customer.isInactive()) {
            throw DomainException.conflict(customer.isBlacklisted() ? "customer.blacklisted" : "customer.suspended",
                    "No survey is sent to customer " + customer.getId() + " while no business is done with it (CU-7, CU-8)");
        }
        Survey survey = Survey.send(customer.getId(), customer.getName(), customer.getOwnerId(), customer.getDepartmentId(),
                year, template, channel, contact, by, clock.instant());
        survey.rememberIdempotencyKey(idempotencyKey);
        try {
            return new Sent(store.save(survey), false);
        } catch (DuplicateKeyException e) {
            if (idempotencyKey != null) {
                Survey meanwhile = mongo.findOne(Query.query(Criteria.where("idempotencyKey").is(idempotencyKey)), Survey.class);
                if (meanwhile != null) {
                    return new Sent(meanwhile, true);
                }
            }
            throw DomainException.conflict("survey.exists", "Customer " + customer.getId() + " has its " + year
                    + " satisfaction survey already (VI-5: one a year)").with("year", year);
        }
    }

    /** The outcome of a round: surveys sent and customers left out, with why. */
    public record Round(int year, int sent, int alreadySurveyed, int noBusiness, List<String> surveyIds) {
    }

    /** VI-5: the year's survey to every customer of the department (all when null) that has none yet. */
    public Round round(String departmentId, int year, String templateId, SurveyChannel channel, String by) {
        activeTemplate(templateId);
        Set<String> surveyed = new HashSet<>();
        mongo.find(Query.query(Criteria.where("year").is(year)), Survey.class).forEach(s -> surveyed.add(s.getCustomerId()));
        int sent = 0;
        int already = 0;
        int noBusiness = 0;
        List<String> ids = new ArrayList<>();
        for (CustomerView customer : customers.inDepartment(departmentId)) {
            if (surveyed.contains(customer.getId())) {
                already++;
                continue;
            }
            if (customer.isBlacklisted() || customer.isInactive()) {
                noBusiness++;
                continue;
            }
            try {
                ids.add(send(customer, year, templateId, channel, null, by).getId());
                sent++;
            } catch (DomainException e) {
                already++;
            }
        }
        return new Round(year, sent, already, noBusiness, ids);
    }

    /** The customer's answers: every question of the survey once, scores 1–5; 400 naming the answer otherwise. */
    public Survey answer(String id, Map<String, Integer> scores, String comment, String by) {
        Survey survey = get(id);
        Map<String, Questionnaire.Question> questions = new LinkedHashMap<>();
        survey.getQuestions().forEach(q -> questions.put(q.id(), q));
        List<Problems.FieldError> errors = new ArrayList<>();
        for (String questionId : scores.keySet()) {
            if (!questions.containsKey(questionId)) {
                errors.add(new Problems.FieldError("answers." + questionId, "is not a question of this survey; questions: "
                        + String.join(", ", questions.keySet())));
            }
        }
        for (String questionId : questions.keySet()) {
            if (!scores.containsKey(questionId)) {
                errors.add(new Problems.FieldError("answers." + questionId, "is not answered"));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.badRequest("request.invalid", "The answers do not match the survey's questions")
                    .with("errors", errors);
        }
        List<Survey.Answer> answers = questions.values().stream()
                .map(q -> new Survey.Answer(q.id(), q.area(), scores.get(q.id()))).toList();
        survey.answer(answers, comment, by, clock.instant(), policies.current().improvementAreas());
        return store.save(survey);
    }

    public record AreaScore(String area, double average, int answers) {
    }

    public record CustomerScore(String customerId, String customerName, double averageScore) {
    }

    /**
     * VI-5 yearly improvement report: response rate, average satisfaction, every area's average (lowest first), the
     * lowest-scoring areas to improve (policy: how many) and the least satisfied customers.
     */
    public record ImprovementReport(int year, String departmentId, int sent, int answered, double responseRate,
            Double averageScore, List<AreaScore> areas, List<String> lowestAreas, List<CustomerScore> leastSatisfied) {
    }

    public ImprovementReport improvementReport(int year, String departmentId) {
        List<Survey> surveys = mongo.find(Query.query(new Filters().is("year", year).is("departmentId", departmentId).criteria()),
                Survey.class);
        List<Survey> answered = surveys.stream().filter(s -> s.getStatus() == Survey.Status.ANSWERED).toList();
        Map<String, double[]> byArea = new HashMap<>();
        for (Survey survey : answered) {
            for (Survey.Answer answer : survey.getAnswers()) {
                double[] sum = byArea.computeIfAbsent(answer.area(), a -> new double[2]);
                sum[0] += answer.score();
                sum[1]++;
            }
        }
        List<AreaScore> areas = byArea.entrySet().stream()
                .map(e -> new AreaScore(e.getKey(), Survey.round(e.getValue()[0] / e.getValue()[1]), (int) e.getValue()[1]))
                .sorted(Comparator.comparingDouble(AreaScore::average).thenComparing(AreaScore::area)).toList();
        int n = policies.current().improvementAreas();
        Double average = answered.isEmpty() ? null
                : Survey.round(answered.stream().mapToDouble(Survey::getAverageScore).average().orElse(0));
        List<CustomerScore> least = answered.stream()
                .sorted(Comparator.comparingDouble(Survey::getAverageScore).thenComparing(Survey::getCustomerId)).limit(n)
                .map(s -> new CustomerScore(s.getCustomerId(), s.getCustomerName(), s.getAverageScore())).toList();
        double rate = surveys.isEmpty() ? 0 : Survey.round(answered.size() * 1.0 / surveys.size());
        return new ImprovementReport(year, departmentId, surveys.size(), answered.size(), rate, average, areas,
                areas.stream().limit(n).map(AreaScore::area).toList(), least);
    }

    private Questionnaire activeTemplate(String templateId) {
        Questionnaire template = template(templateId);
        if (!template.isActive()) {
            throw DomainException.conflict("questionnaire.retired", "Questionnaire " + templateId + " is retired");
        }
        return template;
    }
}
