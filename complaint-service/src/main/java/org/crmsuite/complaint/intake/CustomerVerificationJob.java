package org.crmsuite.complaint.intake;

import org.crmsuite.complaint.ComplaintSettings;
import org.crmsuite.complaint.cases.Cases;
import org.crmsuite.complaint.cases.Complaint;
import org.crmsuite.complaint.cases.CustomerVerification;
import org.crmsuite.complaint.customers.CustomerDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks again the customers of complaints accepted as "customer unverified" while customer-service was down. Safe
 * with several instances: the change only applies to a case still unverified, so a second instance writes nothing.
 */
@Component
public class CustomerVerificationJob {

    private static final Logger log = LoggerFactory.getLogger(CustomerVerificationJob.class);

    private final Cases cases;
    private final CustomerDirectory customers;
    private final ComplaintSettings settings;

    CustomerVerificationJob(Cases cases, CustomerDirectory customers, ComplaintSettings settings) {
        this.cases = cases;
        this.customers = customers;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${crm.complaint.jobs.verify-interval}", initialDelayString = "${crm.complaint.jobs.verify-interval}")
    void scheduled() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("customer verification pass failed: {}", e.getMessage());
        }
    }

    /** One pass; returns how many cases got an answer. Stops at the first "still unavailable". */
    public int runOnce() {
        int answered = 0;
        for (Complaint unverified : cases.unverified(settings.customers().verifyBatchSize())) {
            CustomerDirectory.Check check = customers.check(unverified.getCustomerId());
            if (!check.answered()) {
                log.info("customer-service still unavailable ({}); the remaining cases stay unverified until the next pass",
                        check.problem());
                break;
            }
            cases.update(unverified.getId(), complaint -> {
                if (complaint.getCustomerVerification() != CustomerVerification.UNVERIFIED) {
                    return false;
                }
                complaint.recordCustomerCheck(Intake.verificationOf(check), Intake.snapshotOf(check), cases.now());
                return true;
            });
            answered++;
        }
        return answered;
    }
}
