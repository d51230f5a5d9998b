package org.crmsuite.sales.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.crmsuite.sales.support.Http;
import org.crmsuite.sales.support.SalesTestBase;
import org.crmsuite.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** SA-6: referrals are registered before the first visit, confirmed on arrival that day, and lapse otherwise. */
class ReferralTest extends SalesTestBase {

    @Autowired
    Referrals referrals;

    private static final String REFERRER = TestTokens.bearer("demo-agent-2", "dept-customer-service", "AGENT");

    private Http.Response refer(String phone, java.time.LocalDate day) {
        return api.post("/api/v1/reception/offices/" + OFFICE + "/referrals", REFERRER,
                Map.of("visitorName", "介绍客户", "phone", phone, "appointmentDate", day.toString()));
    }

    @Test
    void aReferralIsConfirmedWhenTheCustomerArrivesOnTheAppointmentDay_SA6() {
        rota("demo-sales-1", "demo-sales-2");
        Http.Response referral = refer("13800000301", TODAY);
        assertThat(referral.status()).as(referral.raw()).isEqualTo(201);
        assertThat(referral.text("state")).isEqualTo("PENDING");
        Http.Response arrival = received(walkIn("介绍客户", "13800000301", "NO"));
        assertThat(arrival.text("referralId")).isEqualTo(referral.text("id"));
        assertThat(arrival.text("reason")).contains("SA-6");
        Referral stored = referrals.get(referral.text("id"));
        assertThat(stored.state()).isEqualTo(Referral.State.CONFIRMED);
        assertThat(stored.receivingRepId()).isEqualTo("demo-sales-1");
    }

    @Test
    void aReferralMustComeBeforeTheFirstVisitAndNotInThePast_SA6() {
        rota("demo-sales-1");
        received(walkIn("来过", "13800000302", "NO"));
        Http.Response late = refer("13800000302", TODAY.plusDays(1));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("referral.already-visited");
        Http.Response past = refer("13800000303", TODAY.minusDays(1));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.raw()).contains("appointmentDate");
        assertThat(refer("13800000304", TODAY.plusDays(2)).status()).isEqualTo(201);
        assertThat(refer("13800000304", TODAY.plusDays(3)).code()).isEqualTo("referral.exists");
    }

    @Test
    void aReferralLapsesWhenTheCustomerDoesNotComeThatDay_SA6() {
        String missed = refer("13800000305", TODAY).text("id");
        String later = refer("13800000306", TODAY.plusDays(1)).text("id");
        clock.advance(Duration.ofDays(1));
        assertThat(referrals.lapseOverdue()).isEqualTo(1);
        assertThat(referrals.lapseOverdue()).isZero();
        assertThat(referrals.get(missed).state()).isEqualTo(Referral.State.LAPSED);
        assertThat(referrals.get(later).state()).isEqualTo(Referral.State.PENDING);
        var lapsed = events("referrals", missed, "crm.reception.referral-lapsed.v1");
        assertThat(lapsed).hasSize(1);
        assertThat(lapsed.get(0).getString("routingKey")).isEqualTo("sales.referral.lapsed");

        // coming a day after the appointment: no referral credit, the referral lapses on arrival
        clock.advance(Duration.ofDays(1));
        rotaFor(TODAY.plusDays(2), "demo-sales-1");
        Http.Response arrival = received(walkIn("介绍客户", "13800000306", "NO"));
        assertThat(arrival.text("referralId")).isNull();
        assertThat(referrals.get(later).state()).isEqualTo(Referral.State.LAPSED);
    }
}
