package org.crmsuite.customer.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

import org.crmsuite.customer.policy.CustomerPolicy;
import org.crmsuite.customer.policy.CustomerPolicy.TierThresholds;
import org.crmsuite.customer.profile.Grade;
import org.crmsuite.customer.profile.Tier;
import org.junit.jupiter.api.Test;

/** The CU-4 and CU-6 rules on their own, without Spring. */
class ClassificationRulesTest {

    static final TierThresholds THRESHOLDS = new TierThresholds(new BigDecimal("1000"), new BigDecimal("2000"), new BigDecimal("3000"));
    static final CustomerPolicy POLICY = new CustomerPolicy(15, 30, THRESHOLDS, 6, 5, 6, 180, 24, 0.8);

    @Test
    void vipQuotaAllowsUpToFifteenPercentAndSaysWhyNot_CU4() {
        assertThat(GradeQuota.check(Grade.VIP, GradeQuota.Scope.DEPARTMENT, "d", 20, 2, POLICY)).isEmpty();
        var refusal = GradeQuota.check(Grade.VIP, GradeQuota.Scope.DEPARTMENT, "d", 20, 3, POLICY).orElseThrow();
        assertThat(refusal.detail()).contains("at most 15%").contains("3 of 20 are VIP").contains("4 of 20 (20.0%)");
        assertThat(GradeQuota.check(Grade.VIP, GradeQuota.Scope.DEPARTMENT, "d", 6, 0, POLICY)).isPresent();
        assertThat(GradeQuota.check(Grade.VIP, GradeQuota.Scope.DEPARTMENT, "d", 7, 0, POLICY)).isEmpty();
    }

    @Test
    void preferredQuotaIsThirtyPercentAndQualifiedHasNone_CU4() {
        assertThat(GradeQuota.check(Grade.PREFERRED, GradeQuota.Scope.DEPARTMENT, "d", 10, 2, POLICY)).isEmpty();
        assertThat(GradeQuota.check(Grade.PREFERRED, GradeQuota.Scope.DEPARTMENT, "d", 10, 3, POLICY)).isPresent();
        assertThat(GradeQuota.check(Grade.QUALIFIED, GradeQuota.Scope.DEPARTMENT, "d", 1, 1, POLICY)).isEmpty();
    }

    @Test
    void tiersFollowTheLatestMonthsVolume_CU4() {
        assertThat(VolumeTiers.tierFor(null, THRESHOLDS)).isEqualTo(Tier.NEW);
        assertThat(VolumeTiers.tierFor(new BigDecimal("999.99"), THRESHOLDS)).isEqualTo(Tier.ORDINARY);
        assertThat(VolumeTiers.tierFor(new BigDecimal("1000"), THRESHOLDS)).isEqualTo(Tier.ONE_STAR);
        assertThat(VolumeTiers.tierFor(new BigDecimal("1999.9"), THRESHOLDS)).isEqualTo(Tier.ONE_STAR);
        assertThat(VolumeTiers.tierFor(new BigDecimal("2000"), THRESHOLDS)).isEqualTo(Tier.TWO_STAR);
        assertThat(VolumeTiers.tierFor(new BigDecimal("3000"), THRESHOLDS)).isEqualTo(Tier.THREE_STAR);
    }

    @Test
    void reviewsAreDueSixCalendarMonthsLater_CU6() {
        assertThat(ReviewSchedule.next(Instant.parse("2026-08-31T02:00:00Z"), 6, ZoneId.of("Asia/Shanghai")))
                .isEqualTo(Instant.parse("2027-02-28T02:00:00Z"));
    }

    @Test
    void promotionMeansAHigherGrade_CU9() {
        assertThat(Grade.VIP.isAbove(Grade.PREFERRED)).isTrue();
        assertThat(Grade.QUALIFIED.isAbove(Grade.PREFERRED)).isFalse();
        assertThat(Grade.VIP.priority()).isLessThan(Grade.PREFERRED.priority());
    }
}
