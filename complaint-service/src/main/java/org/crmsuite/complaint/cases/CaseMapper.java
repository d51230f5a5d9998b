package org.crmsuite.complaint.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Builds the response bodies of the case endpoints, with time left computed on the business calendar. */
final class CaseMapper {

    private CaseMapper() {
    }

    static CaseViews.ComplaintView view(Complaint c, DeadlineSchedule schedule, Instant now) {
        List<CaseViews.DeadlineView> deadlines = c.getDeadlines().stream().map(d -> deadline(d, schedule, now, c.isClockPaused()))
                .toList();
        Complaint.CustomerSnapshot snapshot = c.getCustomer();
        CaseViews.CustomerView customer = new CaseViews.CustomerView(c.getCustomerId(), c.getCustomerVerification(),
                c.getCustomerCheckedAt(), snapshot == null ? null : snapshot.name(), snapshot == null ? null : snapshot.grade(),
                snapshot == null ? null : snapshot.category(), snapshot == null ? null : snapshot.ownerId(),
                snapshot == null ? null : snapshot.departmentId(), snapshot == null ? null : snapshot.allowed(),
                c.getCustomerCheckNote());
        return new CaseViews.ComplaintView(c.getId(), c.getVersion(), c.getReceivedAt(), c.getChannel(), c.getCategory(),
                c.getContent(), c.getProducts(), c.getStores(), c.getStaff(), c.getAttachments(), customer, c.getContact(),
                c.getDepartmentId(), c.getLevel(), c.getHandlerTier(), c.getHandlerId(), c.getState(), c.isOpen(),
                Lifecycle.next(c.getState()), c.isExecutiveMeeting(), c.getRelatedTo(), c.getRelatedComplaints(),
                c.getCause(), c.getSolution(), deadlines, deadlines.stream().filter(CaseViews.DeadlineView::breached).toList(),
                c.getWaitingSince() != null, c.getWaitingSince(), c.isClockPaused(), c.getLastContactAt(),
                c.getProgressContactDueAt(), c.isProgressOverdue(), c.getContacts(), c.getRating(), c.getRatings(),
                c.getResolvedAt(), c.getClosedAt(), c.getFiledBy(), c.getHistory(), c.getCreatedAt(), c.getUpdatedAt());
    }

    static CaseViews.PartnerView partnerView(Complaint c) {
        Deadline acknowledge = c.deadline(DeadlineKind.ACKNOWLEDGE);
        Deadline resolve = c.deadline(DeadlineKind.RESOLVE);
        return new CaseViews.PartnerView(c.getId(), c.getReceivedAt(), c.getChannel(), c.getCategory(), c.getLevel(),
                c.getState(), c.isOpen(), acknowledge == null ? null : acknowledge.getDueAt(),
                resolve == null ? null : resolve.getDueAt(), c.getResolvedAt(), c.getClosedAt());
    }

    static CaseViews.QueueItem queueItem(Complaint c, DeadlineSchedule schedule, Instant now) {
        Deadline next = c.getDeadlines().stream().filter(Deadline::isRunning)
                .min(Comparator.comparing(Deadline::getDueAt)).orElse(null);
        Complaint.CustomerSnapshot customer = c.getCustomer();
        return new CaseViews.QueueItem(c.getId(), c.getLevel(), c.getState(), c.getHandlerTier(), c.getHandlerId(),
                c.getDepartmentId(), c.getCustomerId(),
                customer != null ? customer.name() : c.getContact() == null ? null : c.getContact().name(),
                customer == null ? null : customer.grade(), c.getCategory(), c.getChannel(), c.getReceivedAt(),
                next == null ? null : next.getKind(), next == null ? null : next.getDueAt(),
                next == null ? null : schedule.businessTimeLeft(now, next.getDueAt()),
                c.getDeadlines().stream().anyMatch(d -> d.isRunning() && d.isBreached()), c.isProgressOverdue(),
                c.getWaitingSince() != null, c.isExecutiveMeeting());
    }

    private static CaseViews.DeadlineView deadline(Deadline d, DeadlineSchedule schedule, Instant now, boolean paused) {
        Duration left = d.isRunning() ? schedule.businessTimeLeft(now, d.getDueAt()) : null;
        return new CaseViews.DeadlineView(d.getKind(), d.getRound(), d.getStartedAt(), d.getDueAt(), d.getWarnAt(),
                d.isRunning(), left, left == null ? 0 : left.toMinutes(), d.isWarned(),
                d.isBreached() || (d.isRunning() && !paused && !d.getDueAt().isAfter(now)), d.getBreachHandlerId(),
                d.getMetAt(), d.getOutcome(), d.getBusinessDays(), d.getPaused());
    }
}
