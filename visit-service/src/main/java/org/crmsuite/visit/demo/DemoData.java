package org.crmsuite.visit.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.crmsuite.platform.events.AggregateStore;
import org.crmsuite.visit.calendar.VisitCalendar;
import org.crmsuite.visit.customers.Category;
import org.crmsuite.visit.customers.CustomerView;
import org.crmsuite.visit.customers.CustomerViews;
import org.crmsuite.visit.customers.Grade;
import org.crmsuite.visit.plans.CadenceRule;
import org.crmsuite.visit.plans.Plans;
import org.crmsuite.visit.policy.Policies;
import org.crmsuite.visit.records.Mode;
import org.crmsuite.visit.records.ScoreScale;
import org.crmsuite.visit.records.VisitRecord;
import org.crmsuite.visit.surveys.Questionnaire;
import org.crmsuite.visit.surveys.Survey;
import org.crmsuite.visit.surveys.SurveyChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo data of the one-command local run: the local view of customer-service's 30 demo customers (same ids, names,
 * owners, departments, categories and grades as its {@code DemoCustomers}; the blacklisted demo-customer-13 gets no
 * plans), visit records with scored reports over the last quarters, and the cadence plans that follow from them — so
 * that some visits are overdue and some due soon as soon as the suite is up — plus a questionnaire and last year's
 * answered surveys for the improvement report. Written only in the {@code local} profile, once per database (a marker
 * document decides which instance writes it).
 */
@Component
@Profile("local")
class DemoData implements ApplicationRunner {

    static final String EAST_SALES = "dept-east-sales";
    static final String CUSTOMER_SERVICE = "dept-customer-service";
    static final String MARKER = "visit-demo";
    static final String MARKER_COLLECTION = "demo_data";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** The names customer-service's DemoCustomers gives demo-customer-01 … -30, in order. */
    static final String[] NAMES = { "上海宏达建设集团有限公司", "Acme Trading Co., Ltd.", "江苏恒信化工有限公司",
            "杭州绿源物业管理有限公司", "Northwind Chemicals Ltd", "南京华远置业有限公司", "苏州精工医疗器械有限公司",
            "Blue River Logistics Inc", "宁波海通石油化工有限公司", "无锡盛世房地产开发有限公司", "合肥安泰建筑工程有限公司",
            "Golden Bridge Property Management", "常州天和加盟连锁有限公司", "温州明光电器有限公司", "扬州金帆贸易有限公司",
            "Orient Medical Devices Co., Ltd.", "嘉兴长城油品销售有限公司", "绍兴新城物业服务有限公司", "Evergreen Retail Franchise Ltd",
            "镇江华兴建材有限公司", "徐州众诚物流有限公司", "Silverline Engineering Ltd", "南通宏远置业有限公司",
            "台州东方化学有限公司", "金华瑞丰医药有限公司", "Pacific Fuel Distribution Co", "湖州绿野农业科技有限公司",
            "泰州华康健康管理有限公司", "Summit Building Materials Inc", "盐城广厦建筑安装有限公司" };

    private static final List<String> QUALITY = List.of("EXCELLENT", "VERY_GOOD", "GOOD", "FAIR", "AVERAGE");
    private static final List<String> SERVICE = List.of("VERY_GOOD", "GOOD", "FAIR", "BELOW_AVERAGE", "POOR");
    private static final List<String> REPUTATION = List.of("EXCELLENT", "GOOD", "VERY_GOOD", "AVERAGE", "FAIR");

    private final CustomerViews customers;
    private final Plans plans;
    private final Policies policies;
    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final VisitCalendar calendar;

    DemoData(CustomerViews customers, Plans plans, Policies policies, AggregateStore store, MongoTemplate mongo,
            VisitCalendar calendar) {
        this.customers = customers;
        this.plans = plans;
        this.policies = policies;
        this.store = store;
        this.mongo = mongo;
        this.calendar = calendar;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            // the marker is written first: whichever instance inserts it writes the demo data, once per database
            mongo.insert(new org.bson.Document("_id", MARKER).append("at", java.util.Date.from(calendar.now())), MARKER_COLLECTION);
        } catch (DuplicateKeyException written) {
            log.info("visit demo data written already; not written again");
            return;
        }
        write();
    }

    private void write() {
        LocalDate today = calendar.today();
        int records = 0;
        int plansMade = 0;
        for (int i = 0; i < NAMES.length; i++) {
            CustomerView view = view(i);
            customers.seed(view);
            int months = CadenceRule.cadencesFor(view, policies.current()).get(0).months();
            // the last visit decides the first plan: overdue (i % 5 == 0), due within two days (1), on schedule (others)
            LocalDate lastVisit = switch (i % 5) {
                case 0 -> today.minusMonths(months).minusDays(10);
                case 1 -> today.minusMonths(months).plusDays(2);
                default -> today.minusDays(20 + i);
            };
            if (!view.isBlacklisted()) {
                records += visits(view, i, lastVisit);
            }
            // regenerated, not extended: plans made from customer-service's events before this ran follow the demo visits
            plansMade += plans.regenerate(customers.find(view.getId()).orElse(view), "demo data");
        }
        int surveys = surveys(today.getYear() - 1);
        log.info("wrote the visit demo data: {} customer views, {} visit records, {} plans, {} answered surveys",
                NAMES.length, records, plansMade, surveys);
    }

    private static CustomerView view(int i) {
        boolean east = i < 20;
        int n = east ? i : i - 20;
        CustomerView view = new CustomerView(String.format("demo-customer-%02d", i + 1));
        view.setName(NAMES[i]);
        view.setDepartmentId(east ? EAST_SALES : CUSTOMER_SERVICE);
        view.setOwnerId(east ? "demo-sales-" + (n % 3 + 1)
                : List.of("demo-manager-service", "demo-agent-1", "demo-agent-2").get(n % 3));
        view.setGrade(east ? (n < 3 ? Grade.VIP : n < 9 ? Grade.PREFERRED : Grade.QUALIFIED)
                : (n < 1 ? Grade.VIP : n < 4 ? Grade.PREFERRED : Grade.QUALIFIED));
        view.setCategory(n % 4 == 0 ? Category.KEY : n % 4 == 3 ? Category.POTENTIAL : Category.GENERAL);
        view.setRegion(east ? "华东" : "华南");
        view.setStatus("ACTIVE");
        view.setComplete(true);
        if (i == 12) {
            view.setBlacklist(List.of(new CustomerView.BlacklistEntry("demo-blacklist-1", "DEPARTMENT", EAST_SALES)));
        }
        return view;
    }

    /** Two visits: one a quarter before the last, and the last; both with a scored report (VI-4). */
    private int visits(CustomerView view, int i, LocalDate lastVisit) {
        int written = 0;
        LocalDate[] dates = { lastVisit.minusMonths(3), lastVisit };
        for (int k = 0; k < dates.length; k++) {
            Instant at = ZonedDateTime.of(dates[k], LocalTime.of(10, 0), calendar.zone()).toInstant();
            if (at.isAfter(calendar.now())) {
                continue;
            }
            int shade = (i + k) % 5;
            VisitRecord.Report report = report(QUALITY.get(shade), SERVICE.get((i + 2 * k) % 5), REPUTATION.get(shade));
            VisitRecord record = VisitRecord.file(String.format("demo-record-%02d-%d", i + 1, k + 1), new VisitRecord.Draft(view.getId(), view.getName(), view.getDepartmentId(),
                    view.getOwnerId(), view.getOwnerId(), null, k == 0 ? Mode.PHONE : Mode.ON_SITE, at,
                    k == 0 ? null : "客户办公室 customer's office", List.of(view.getOwnerId(), "联系人" + (i + 1)),
                    "Reviewed this quarter's deliveries and open orders.", "Wants earlier notice of price changes.",
                    List.of("Delivery schedule for next month agreed"), List.of("Send the revised price list"), report,
                    null));
            store.save(record);
            customers.visited(view.getId(), at);
            written++;
        }
        return written;
    }

    private static VisitRecord.Report report(String quality, String service, String reputation) {
        int q = ScoreScale.level(ScoreScale.Dimension.PRODUCT_QUALITY, quality).orElseThrow().score();
        int s = ScoreScale.level(ScoreScale.Dimension.SERVICE_ATTITUDE, service).orElseThrow().score();
        int r = ScoreScale.level(ScoreScale.Dimension.PRODUCT_REPUTATION, reputation).orElseThrow().score();
        return new VisitRecord.Report(quality, q, service, s, reputation, r, ScoreScale.overall(q, s, r));
    }

    /** Last year's round to twelve east sales customers, answered, so the improvement report has data (VI-5). */
    private int surveys(int year) {
        Questionnaire questionnaire = new Questionnaire("年度客户满意度调查 Yearly customer satisfaction", List.of(
                new Questionnaire.Question("q1", "product quality", "How satisfied are you with our products' quality?"),
                new Questionnaire.Question("q2", "delivery", "How satisfied are you with delivery times?"),
                new Questionnaire.Question("q3", "service attitude", "How satisfied are you with our staff's service?"),
                new Questionnaire.Question("q4", "price", "How satisfied are you with our prices?")),
                "demo-seed", calendar.now());
        questionnaire.setId("demo-questionnaire-yearly");
        mongo.insert(questionnaire);
        int answered = 0;
        for (int i = 0; i < 12; i++) {
            CustomerView view = view(i);
            Instant sent = ZonedDateTime.of(LocalDate.of(year, 11, 10), LocalTime.of(10, 0), calendar.zone()).toInstant();
            Survey survey = Survey.send(String.format("demo-survey-%d-%02d", year, i + 1), view.getId(), view.getName(), view.getOwnerId(), view.getDepartmentId(), year,
                    questionnaire, i % 2 == 0 ? SurveyChannel.EMAIL : SurveyChannel.PHONE, null, "demo-seed", sent);
            Map<String, Integer> scores = Map.of("q1", 4 + i % 2, "q2", 2 + i % 3, "q3", 3 + i % 3, "q4", 2 + i % 2);
            survey.answer(questionnaire.getQuestions().stream()
                    .map(q -> new Survey.Answer(q.id(), q.area(), scores.get(q.id()))).toList(),
                    "demo answers", "demo-seed", sent.plusSeconds(86_400L * 5), policies.current().improvementAreas());
            store.save(survey);
            answered++;
        }
        return answered;
    }
}
