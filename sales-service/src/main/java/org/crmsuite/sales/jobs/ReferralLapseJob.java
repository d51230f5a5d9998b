package org.crmsuite.sales.jobs;

import org.crmsuite.platform.jobs.MongoLeases;
import org.crmsuite.sales.SalesSettings;
import org.crmsuite.sales.referral.Referrals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** SA-6: referrals whose appointment day passed without the customer lapse; one instance per pass (a lease). */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "crm.sales.jobs.enabled", havingValue = "true", matchIfMissing = true)
class ReferralLapseJob {

    private static final Logger log = LoggerFactory.getLogger(ReferralLapseJob.class);

    private final MongoLeases leases;
    private final Referrals referrals;
    private final SalesSettings settings;

    ReferralLapseJob(MongoLeases leases, Referrals referrals, SalesSettings settings) {
        this.leases = leases;
        this.referrals = referrals;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${crm.sales.jobs.interval:PT5M}", initialDelayString = "PT20S")
    void run() {
        leases.runIfFree("sales.referral-lapse", settings.jobs().lease(), () -> {
            int lapsed = referrals.lapseOverdue();
            if (lapsed > 0) {
                log.info("SA-6: {} referrals lapsed", lapsed);
            }
        });
    }
}
