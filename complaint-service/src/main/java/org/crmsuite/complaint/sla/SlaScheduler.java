package org.crmsuite.complaint.sla;

import java.time.Instant;
import java.util.UUID;

import org.crmsuite.complaint.ComplaintSettings;
import org.crmsuite.complaint.cases.Cases;
import org.crmsuite.complaint.cases.Complaint;
import org.crmsuite.complaint.cases.DeadlineSchedule;
import org.crmsuite.platform.jobs.WorkClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The SLA clock (CO-3, CO-5, CO-6, NO-2): finds open cases with a check due (indexed {@code nextCheckAt}) and raises
 * the SLA warning at 75 % of the allowed business time, the breach at the deadline, and the overdue progress contact.
 * <p>
 * Correct with any number of instances: each check (case + deadline + stage) is claimed in MongoDB first
 * ({@link WorkClaims}), and the case itself records that its warning or breach was raised, in the same document write as
 * the event — so a warning is raised once even if two instances claimed around a crash.
 */
@Component
public class SlaScheduler {

    private static final Logger log = LoggerFactory.getLogger(SlaScheduler.class);

    private final Cases cases;
    private final WorkClaims claims;
    private final ComplaintSettings settings;
    private final String owner = "sla-" + UUID.randomUUID().toString().substring(0, 8);

    SlaScheduler(Cases cases, WorkClaims claims, ComplaintSettings settings) {
        this.cases = cases;
        this.claims = claims;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${crm.complaint.jobs.sla-interval}", initialDelayString = "${crm.complaint.jobs.sla-interval}")
    void scheduled() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("SLA pass failed: {}", e.getMessage());
        }
    }

    /** One pass over the due cases; returns how many warnings, breaches and overdue contacts this instance raised. */
    public int runOnce() {
        Instant now = cases.now();
        DeadlineSchedule schedule = cases.schedule();
        int raised = 0;
        for (String id : cases.dueForSlaCheck(now, settings.jobs().batchSize())) {
            Complaint complaint = cases.get(id);
            for (Complaint.SlaCheck check : complaint.dueChecks(now)) {
                if (!claims.claim(check.key(), owner, settings.jobs().claimLease())) {
                    continue;
                }
                try {
                    boolean[] applied = { false };
                    cases.update(id, fresh -> applied[0] = fresh.apply(check, schedule, now));
                    claims.done(check.key(), owner);
                    if (applied[0]) {
                        raised++;
                    }
                } catch (RuntimeException e) {
                    claims.release(check.key(), owner);
                    log.warn("SLA check {} failed, released for the next pass: {}", check.key(), e.getMessage());
                }
            }
        }
        return raised;
    }
}
