package org.crmsuite.sales.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.crmsuite.sales.deposits.DealStage;
import org.crmsuite.sales.deposits.Deposit;
import org.crmsuite.sales.deposits.Deposits;
import org.crmsuite.sales.office.Offices;
import org.crmsuite.sales.office.SalesOffice;
import org.crmsuite.sales.reception.Receptions;
import org.crmsuite.sales.reception.WalkIn;
import org.crmsuite.sales.referral.Referrals;
import org.crmsuite.sales.registration.Registration;
import org.crmsuite.sales.registration.Registrations;
import org.crmsuite.sales.rota.Rotas;
import org.crmsuite.sales.units.Unit;
import org.crmsuite.sales.units.Units;
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
 * The local run's reception desk (profile {@code local}, only into an empty database): the East Bund sales office of
 * {@code dept-east-sales} (identity's demo department), today's rota demo-sales-1 → 2 → 3, twelve units, a visitor
 * registered to demo-sales-2 just before, a call, a referral for tomorrow, three walk-ins decided through the real desk
 * (one of them the registered visitor, so SA-3 shows), and a small deposit of demo-customer-06 (customer-service's demo
 * customer) with finance's receipt. Fixed ids make a second instance starting at once find what the first wrote.
 */
@Component
@Profile("local")
class DemoSalesOffice implements ApplicationRunner {

    static final String OFFICE = "office-east-bund";
    static final String PROJECT = "proj-east-bund";
    static final String DEPARTMENT = "dept-east-sales";

    private static final Logger log = LoggerFactory.getLogger(DemoSalesOffice.class);

    private final MongoTemplate mongo;
    private final Offices offices;
    private final Rotas rotas;
    private final Units units;
    private final Registrations registrations;
    private final Referrals referrals;
    private final Receptions receptions;
    private final Deposits deposits;
    private final Clock clock;

    DemoSalesOffice(MongoTemplate mongo, Offices offices, Rotas rotas, Units units, Registrations registrations,
            Referrals referrals, Receptions receptions, Deposits deposits, Clock clock) {
        this.mongo = mongo;
        this.offices = offices;
        this.rotas = rotas;
        this.units = units;
        this.registrations = registrations;
        this.referrals = referrals;
        this.receptions = receptions;
        this.deposits = deposits;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (mongo.exists(new Query(), SalesOffice.class)) {
            log.info("sales offices exist already; demo reception desk not written");
            return;
        }
        try {
            write();
        } catch (DuplicateKeyException another) {
            log.info("another instance is writing the demo reception desk");
        } catch (RuntimeException e) {
            log.warn("demo reception desk only partly written: {}", e.getMessage());
        }
    }

    private void write() {
        SalesOffice office = offices.create(new SalesOffice(OFFICE, "外滩壹号售楼处 East Bund sales office", DEPARTMENT,
                PROJECT, "外滩壹号 East Bund No. 1", clock.instant(), "demo-seed"));
        LocalDate today = offices.today();
        rotas.create(office, today, List.of("demo-sales-1", "demo-sales-2", "demo-sales-3"), "demo-manager-east");
        Unit first = null;
        for (int floor = 1; floor <= 4; floor++) {
            for (int n = 1; n <= 3; n++) {
                Unit unit = units.create(office, "1", String.format("%02d%02d", floor, n), String.valueOf(88 + n * 12),
                        String.valueOf(5_200_000 + floor * 80_000 + n * 450_000), "CNY");
                first = first == null ? unit : first;
            }
        }
        registrations.registerVisit(office, "王先生 Mr Wang", "13800001111", "13800002222", "demo-sales-2", "demo-sales-2",
                null, null, Registration.Origin.RECEPTION, "demo: first visit, interested in 3-bedroom units", "demo-seed");
        registrations.registerCall(office, "李女士 Ms Li", "13900003333", "demo-sales-3", "demo: asked about prices",
                "demo-seed");
        referrals.register(office, "demo-agent-1", "周先生 Mr Zhou", "13700004444", today.plusDays(1));
        receptions.receive(office, new WalkIn("陈女士 Ms Chen", "13600005555", WalkIn.VisitedBefore.NO, null, null, null,
                "demo walk-in"), "demo-sales-1");
        receptions.receive(office, new WalkIn("王先生 Mr Wang", "13800001111", WalkIn.VisitedBefore.YES, null, null, null,
                "demo: came back"), "demo-sales-1");
        receptions.receive(office, new WalkIn("赵先生 Mr Zhao", "13500006666", WalkIn.VisitedBefore.CANNOT_RECALL, null,
                null, null, "demo walk-in"), "demo-sales-1");
        Deposit deposit = deposits.importTaken(first, "demo-customer-06", "南京华远置业有限公司", "13600005555", "demo-sales-1",
                DealStage.SMALL_DEPOSIT, "20000.00", "CNY", "demo-sales-1");
        deposits.recordPayment(deposit, DealStage.SMALL_DEPOSIT, "20000.00", "CNY", "POS-DEMO-0001", "demo-finance");
        log.info("wrote the demo reception desk: office {}, today's rota demo-sales-1..3, 12 units, 3 walk-ins, 1 deposit",
                OFFICE);
    }
}
