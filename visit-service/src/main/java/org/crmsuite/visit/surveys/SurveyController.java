package org.crmsuite.visit.surveys;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.visit.access.Access;
import org.crmsuite.visit.calendar.VisitCalendar;
import org.crmsuite.visit.customers.CustomerView;
import org.crmsuite.visit.customers.CustomerViews;
import org.crmsuite.visit.web.Filters;
import org.crmsuite.visit.web.Invalid;
import org.crmsuite.visit.web.PageView;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/surveys}: questionnaires, yearly satisfaction surveys, answers and the improvement report (VI-5). */
@RestController
class SurveyController {

    private final Surveys surveys;
    private final CustomerViews customers;
    private final VisitCalendar calendar;
    private final MongoTemplate mongo;

    SurveyController(Surveys surveys, CustomerViews customers, VisitCalendar calendar, MongoTemplate mongo) {
        this.surveys = surveys;
        this.customers = customers;
        this.calendar = calendar;
        this.mongo = mongo;
    }

    record QuestionBody(@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+") String id,
            @NotBlank @Size(max = 60) String area, @NotBlank @Size(max = 500) String text) {
    }

    record TemplateBody(@NotBlank @Size(max = 200) String name, @NotEmpty @Size(max = 50) List<@Valid QuestionBody> questions) {
    }

    record ContactBody(@NotBlank String name, @Size(max = 40) String phone, @Email String email) {
    }

    record SendBody(@NotBlank String customerId, @NotBlank String templateId, @NotNull SurveyChannel channel,
            @Min(2000) @Max(2100) Integer year, @Valid ContactBody contact) {
    }

    record RoundBody(@NotBlank String templateId, @NotNull SurveyChannel channel, @Min(2000) @Max(2100) Integer year,
            String departmentId) {
    }

    record AnswerBody(@NotBlank String questionId, @NotNull @Min(1) @Max(5) Integer score) {
    }

    record ResponseBody(@NotEmpty List<@Valid AnswerBody> answers, @Size(max = 5_000) String comment) {
    }

    @PostMapping("/api/v1/surveys/templates")
    ResponseEntity<Questionnaire> createTemplate(@Valid @RequestBody TemplateBody body, Caller caller) {
        Access.require(caller.hasAny(Role.ADMIN, Role.GM, Role.DIRECTOR, Role.MANAGER),
                "Only a manager or above writes questionnaires");
        Questionnaire template = surveys.createTemplate(body.name().strip(),
                body.questions().stream().map(q -> new Questionnaire.Question(q.id(), q.area().strip(), q.text())).toList(),
                caller.id());
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/surveys/templates/" + template.getId()))
                .body(template);
    }

    @GetMapping("/api/v1/surveys/templates")
    List<Questionnaire> templates(Caller caller) {
        Access.require(Access.mayList(caller), "Your role does not see surveys");
        return surveys.templates();
    }

    @GetMapping("/api/v1/surveys/templates/{id}")
    Questionnaire template(@PathVariable String id, Caller caller) {
        Access.require(Access.mayList(caller), "Your role does not see surveys");
        return surveys.template(id);
    }

    @PostMapping("/api/v1/surveys/templates/{id}/retire")
    Questionnaire retire(@PathVariable String id, Caller caller) {
        Access.require(caller.hasAny(Role.ADMIN, Role.GM, Role.DIRECTOR, Role.MANAGER),
                "Only a manager or above retires questionnaires");
        return surveys.retire(id);
    }

    @PostMapping("/api/v1/surveys")
    ResponseEntity<SurveyView> send(@Valid @RequestBody SendBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Caller caller) {
        CustomerView customer = customers.require(body.customerId());
        Access.require(Access.isStaff(caller) && Access.mayAct(caller, customer.getDepartmentId(), customer.getOwnerId()),
                "You survey only customers you own, or (managers) of your department");
        Surveys.Sent sent = surveys.send(customer, year(body.year()), body.templateId(), body.channel(),
                body.contact() == null ? null : new Survey.Contact(body.contact().name(), body.contact().phone(),
                        body.contact().email()), caller.id(), idempotencyKey == null ? null : caller.id() + ":" + idempotencyKey);
        Survey survey = sent.survey();
        return ResponseEntity.status(sent.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/surveys/" + survey.getId()))
                .header("Idempotent-Replayed", String.valueOf(sent.repeated())).body(SurveyView.of(survey));
    }

    /** The yearly round: every customer of a department (a manager's own; all for directors and above) without one. */
    @PostMapping("/api/v1/surveys/rounds")
    Surveys.Round round(@Valid @RequestBody RoundBody body, Caller caller) {
        String department = body.departmentId();
        if (caller.has(Role.MANAGER) && !Access.seesAll(caller)) {
            Access.require(department == null || caller.inDepartment(department),
                    "A manager surveys the customers of their own department");
            department = caller.department();
        } else {
            Access.require(Access.seesAll(caller), "Only a manager or above sends a survey round");
        }
        return surveys.round(department, year(body.year()), body.templateId(), body.channel(), caller.id());
    }

    @GetMapping("/api/v1/surveys/{id}")
    SurveyView get(@PathVariable String id, Caller caller) {
        Survey survey = surveys.get(id);
        Access.require(Access.maySee(caller, survey.getDepartmentId(), survey.getOwnerId()), "You do not see this survey");
        return SurveyView.of(survey);
    }

    /** The customer's answers, entered by the staff who took them or relayed by a service (a web form). */
    @PostMapping("/api/v1/surveys/{id}/responses")
    SurveyView answer(@PathVariable String id, @Valid @RequestBody ResponseBody body, Caller caller) {
        Survey survey = surveys.get(id);
        Access.require(caller.has(Role.SERVICE) || Access.mayAct(caller, survey.getDepartmentId(), survey.getOwnerId()),
                "You record answers only for surveys of your own customers, or (managers) of your department");
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (int i = 0; i < body.answers().size(); i++) {
            AnswerBody answer = body.answers().get(i);
            if (scores.put(answer.questionId(), answer.score()) != null) {
                throw Invalid.field("answers[" + i + "].questionId", "answers question " + answer.questionId() + " a second time");
            }
        }
        return SurveyView.of(surveys.answer(id, scores, body.comment(), caller.id()));
    }

    @GetMapping("/api/v1/surveys")
    PageView<SurveyView> list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String customerId,
            @RequestParam(required = false) Survey.Status status, @RequestParam(required = false) String departmentId,
            @RequestParam(required = false) String ownerId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        Access.Scope scope = Access.Scope.of(caller, departmentId, ownerId);
        Query query = Query.query(new Filters().is("year", year).is("customerId", customerId).is("status", status)
                .is("departmentId", scope.departmentId()).is("ownerId", scope.ownerId()).criteria());
        int p = PageView.page(page);
        int s = PageView.size(size);
        long total = mongo.count(query, Survey.class);
        return new PageView<>(mongo.find(query.with(Sort.by(Sort.Direction.DESC, "sentAt")).skip((long) p * s).limit(s),
                Survey.class).stream().map(SurveyView::of).toList(), p, s, total);
    }

    /** VI-5: the yearly improvement report; a manager's is their department's. */
    @GetMapping("/api/v1/surveys/improvement-report")
    Surveys.ImprovementReport improvementReport(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) String departmentId, Caller caller) {
        String department = departmentId;
        if (!Access.seesAll(caller)) {
            Access.require(caller.has(Role.MANAGER) && (departmentId == null || caller.inDepartment(departmentId)),
                    "The improvement report is for managers (their department) and above");
            department = caller.department();
        }
        return surveys.improvementReport(year(year), department);
    }

    private int year(Integer requested) {
        int current = calendar.today().getYear();
        if (requested == null) {
            return current;
        }
        if (requested > current + 1) {
            throw Invalid.field("year", "must not be later than " + (current + 1));
        }
        return requested;
    }
}
