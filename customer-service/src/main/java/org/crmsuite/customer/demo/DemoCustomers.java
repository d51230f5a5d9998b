package org.crmsuite.customer.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.crmsuite.customer.admission.Admissions;
import org.crmsuite.customer.calendar.BusinessCalendar;
import org.crmsuite.customer.classification.ReviewSchedule;
import org.crmsuite.customer.profile.Category;
import org.crmsuite.customer.profile.Customer;
import org.crmsuite.customer.profile.Customers;
import org.crmsuite.customer.profile.Grade;
import org.crmsuite.customer.profile.NewCustomer;
import org.crmsuite.customer.profile.ProfileDetails;
import org.crmsuite.customer.profile.StrategicValue;
import org.crmsuite.customer.profile.Values.BlacklistEntry;
import org.crmsuite.customer.profile.Values.BlacklistReason;
import org.crmsuite.customer.profile.Values.BlacklistScope;
import org.crmsuite.customer.profile.Values.BlacklistState;
import org.crmsuite.customer.profile.Values.Contact;
import org.crmsuite.customer.profile.Values.DocumentType;
import org.crmsuite.customer.profile.Values.LegalRepresentative;
import org.crmsuite.customer.profile.Values.MonthlyVolume;
import org.crmsuite.customer.profile.Values.QualificationDocument;
import org.crmsuite.customer.classification.VolumeTiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Demo customers of the one-command local run: 30 customers over the two departments of the identity module's demo
 * directory ({@code dept-east-sales} owned by {@code demo-sales-1..3}, {@code dept-customer-service} owned by its
 * manager and agents — docs/identity.md), grades within the CU-4 quotas, one blacklisted customer and one pending
 * admission. Written only in the {@code local} profile and only into an empty database; fixed ids make two instances
 * starting together write it once.
 */
@Component
@Profile("local")
class DemoCustomers implements ApplicationRunner {

    static final String EAST_SALES = "dept-east-sales";
    static final String CUSTOMER_SERVICE = "dept-customer-service";
    private static final Logger log = LoggerFactory.getLogger(DemoCustomers.class);

    private static final String[] NAMES = { "上海宏达建设集团有限公司", "Acme Trading Co., Ltd.", "江苏恒信化工有限公司",
            "杭州绿源物业管理有限公司", "Northwind Chemicals Ltd", "南京华远置业有限公司", "苏州精工医疗器械有限公司",
            "Blue River Logistics Inc", "宁波海通石油化工有限公司", "无锡盛世房地产开发有限公司", "合肥安泰建筑工程有限公司",
            "Golden Bridge Property Management", "常州天和加盟连锁有限公司", "温州明光电器有限公司", "扬州金帆贸易有限公司",
            "Orient Medical Devices Co., Ltd.", "嘉兴长城油品销售有限公司", "绍兴新城物业服务有限公司", "Evergreen Retail Franchise Ltd",
            "镇江华兴建材有限公司", "徐州众诚物流有限公司", "Silverline Engineering Ltd", "南通宏远置业有限公司",
            "台州东方化学有限公司", "金华瑞丰医药有限公司", "Pacific Fuel Distribution Co", "湖州绿野农业科技有限公司",
            "泰州华康健康管理有限公司", "Summit Building Materials Inc", "盐城广厦建筑安装有限公司" };

    private final Customers customers;
    private final Admissions admissions;
    private final MongoTemplate mongo;
    private final BusinessCalendar calendar;

    DemoCustomers(Customers customers, Admissions admissions, MongoTemplate mongo, BusinessCalendar calendar) {
        this.customers = customers;
        this.admissions = admissions;
        this.mongo = mongo;
        this.calendar = calendar;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (mongo.exists(new Query(), Customer.class)) {
            log.info("customers exist already; demo customers not written");
            return;
        }
        try {
            write();
        } catch (DuplicateKeyException another) {
            log.info("another instance is writing the demo customers");
        }
    }

    private void write() {
        Instant now = customers.now();
        LocalDate today = calendar.today();
        var thresholds = customers.policy().tierThresholds();
        for (int i = 0; i < NAMES.length; i++) {
            boolean east = i < 20;
            int n = east ? i : i - 20;
            String department = east ? EAST_SALES : CUSTOMER_SERVICE;
            String owner = east ? "demo-sales-" + (n % 3 + 1)
                    : List.of("demo-manager-service", "demo-agent-1", "demo-agent-2").get(n % 3);
            Grade grade = east ? (n < 3 ? Grade.VIP : n < 9 ? Grade.PREFERRED : Grade.QUALIFIED)
                    : (n < 1 ? Grade.VIP : n < 4 ? Grade.PREFERRED : Grade.QUALIFIED);
            Category category = n % 4 == 0 ? Category.KEY : n % 4 == 3 ? Category.POTENTIAL : Category.GENERAL;
            String registration = String.format("91%s%012d", east ? "3100" : "3200", 1000 + i);
            Contact contact = new Contact("c" + (i + 1), "联系人" + (i + 1), n % 2 == 0 ? "采购经理" : "总经理",
                    String.format("139%08d", 10_000_000 + i * 7919), "contact" + (i + 1) + "@example.com", null,
                    LocalDate.of(1970 + i, i % 12 + 1, i % 27 + 1), (i % 12 + 1) * 100 + i % 27 + 1, true, false);
            List<QualificationDocument> documents = List.of(
                    new QualificationDocument(DocumentType.BUSINESS_LICENCE, "BL-" + registration, today.plusYears(2)),
                    new QualificationDocument(DocumentType.TAX_REGISTRATION, "TR-" + registration,
                            i == 7 ? today.plusDays(10) : today.plusYears(1)));
            NewCustomer details = new NewCustomer(customers.tenantId(),
                    new ProfileDetails(NAMES[i], registration, "示例路 " + (i + 1) + " 号", east ? "华东" : "华南",
                            List.of("construction", "chemicals", "property", "medical devices", "retail").get(i % 5),
                            new LegalRepresentative("法人" + (i + 1), null), null,
                            i % 3 == 0 ? StrategicValue.CORE : StrategicValue.GENERAL, null, List.of()),
                    List.of(contact), List.of(), owner, department, category, grade, documents, "demo-seed", null, null,
                    ReviewSchedule.next(now.minusSeconds(86_400L * 20 * (i + 1)), customers.policy().reviewPeriodMonths(),
                            calendar.zone()));
            Customer customer = Customer.register(details, now);
            customer.setId(String.format("demo-customer-%02d", i + 1));
            if (i % 5 != 4) {
                BigDecimal tonnes = BigDecimal.valueOf(400L + i * 137L);
                customer.recordVolume(new MonthlyVolume(today.minusMonths(1).toString().substring(0, 7), tonnes), "demo-seed", now);
                customer.changeTier(VolumeTiers.tierFor(tonnes, thresholds), "CU-4: demo volume", "demo-seed", now);
            }
            if (i == 12) {
                customer.blacklist(new BlacklistEntry("demo-blacklist-1", BlacklistScope.DEPARTMENT, EAST_SALES,
                        BlacklistReason.ECONOMIC_LOSS_OR_REPUTATION_DAMAGE, "demo: unpaid deliveries", "demo-manager-east",
                        now, now.atZone(calendar.zone()).plusMonths(6).toInstant(), BlacklistState.ACTIVE, null, null, null));
            }
            customers.save(customer);
        }
        var application = org.crmsuite.customer.admission.DemoApplication.pending(customers.tenantId(), today);
        admissions.submit(application);
        log.info("wrote the demo customers: {} customers, 1 blacklist entry, 1 pending admission", NAMES.length);
    }
}
