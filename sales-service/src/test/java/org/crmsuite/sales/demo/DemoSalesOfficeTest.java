package org.crmsuite.sales.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.crmsuite.sales.deposits.Deposits;
import org.crmsuite.sales.office.Offices;
import org.crmsuite.sales.reception.Receptions;
import org.crmsuite.sales.referral.Referrals;
import org.crmsuite.sales.registration.Registrations;
import org.crmsuite.sales.rota.Rotas;
import org.crmsuite.sales.support.Http;
import org.crmsuite.sales.support.SalesTestBase;
import org.crmsuite.sales.units.Units;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.JsonNode;

/** The local run's demo desk (written in the {@code local} profile): a working reception desk from the first request. */
class DemoSalesOfficeTest extends SalesTestBase {

    @Autowired Offices offices;
    @Autowired Rotas rotas;
    @Autowired Units units;
    @Autowired Registrations registrations;
    @Autowired Referrals referrals;
    @Autowired Receptions receptions;
    @Autowired Deposits deposits;
    @Autowired Clock injectedClock;

    private DemoSalesOffice demo() {
        return new DemoSalesOffice(mongo, offices, rotas, units, registrations, referrals, receptions, deposits, injectedClock);
    }

    @Test
    void theDemoOfficeHasTodaysRotaUnitsReceptionsAndAPaidDeposit() {
        mongo.remove(new Query(), "offices");
        demo().run(null);
        demo().run(null); // a second instance starting finds it written
        String office = DemoSalesOffice.OFFICE;
        Http.Response rota = api.get("/api/v1/reception/offices/" + office + "/rota/" + TODAY, sales("demo-sales-2"));
        assertThat(rota.status()).as(rota.raw()).isEqualTo(200);
        JsonNode turns = rota.body().get("turns");
        assertThat(turns.size()).isEqualTo(3);
        assertThat(turns.get(0).get("repId").asString()).isEqualTo("demo-sales-1");
        // the visitor registered yesterday to demo-sales-2 came back: SA-3, not a turn
        assertThat(turns.get(1).get("repId").asString()).isEqualTo("demo-sales-2");
        assertThat(turns.get(1).get("rule").asString()).isEqualTo("SA-3");
        assertThat(turns.get(2).get("repId").asString()).isEqualTo("demo-sales-2");
        assertThat(rota.text("next")).isEqualTo("demo-sales-3");
        assertThat(api.get("/api/v1/units?projectId=" + DemoSalesOffice.PROJECT, sales("demo-sales-1")).body().size())
                .isEqualTo(12);
        JsonNode deposit = api.get("/api/v1/deposits?officeId=" + office, finance()).body().get(0);
        assertThat(deposit.get("customerId").asString()).isEqualTo("demo-customer-06");
        assertThat(deposit.get("payments").get(0).get("receivedBy").asString()).isEqualTo("demo-finance");
        assertThat(mongo.count(new Query(), "offices")).isEqualTo(1);
    }
}
