package org.crmsuite.complaint.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.crmsuite.complaint.policy.ComplaintPolicy;
import org.crmsuite.complaint.policy.PerLevel;
import org.crmsuite.platform.calendar.BusinessCalendar;
import org.crmsuite.platform.calendar.CalendarYear;
import org.crmsuite.platform.calendar.DayEnd;
import org.crmsuite.platform.web.DomainException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The complaint rules on the aggregate itself, without Spring: fast, one rule per test. */
class ComplaintRulesTest {

    static final BusinessCalendar CALENDAR = BusinessCalendar.builder("rules").year(new CalendarYear(2026,
            List.of(new CalendarYear.Day(LocalDate.parse("2026-10-05"), null)), List.of(), null, false)).build();
    static final ComplaintPolicy POLICY = new ComplaintPolicy("rules", Duration.ofHours(1), false, 1, new PerLevel(1, 3, 3), 7,
            DayEnd.END_OF_DAY, 75, true, new PerLevel(7, 5, 3));
    static final DeadlineSchedule SCHEDULE = new DeadlineSchedule(CALENDAR, POLICY);
    static final Instant MONDAY_10 = Instant.parse("2026-10-12T02:00:00Z");

    static Complaint received(Level level) {
        return Complaint.receive(new Complaint.Intake(MONDAY_10, Channel.PHONE, Category.DELIVERY, "late", level, "c-1", null,
                null, null, null, null, "d-1", "staff-agent-1", false, null, null), CustomerVerification.VERIFIED,
                new Complaint.CustomerSnapshot("Huaxin", "VIP", "KEY", null, null, true, null), SCHEDULE, MONDAY_10);
    }

    @ParameterizedTest
    @CsvSource({ "RECEIVED, ACKNOWLEDGED", "ACKNOWLEDGED, ACCEPTED", "ACCEPTED, INVESTIGATING",
            "INVESTIGATING, SOLUTION_PROPOSED", "SOLUTION_PROPOSED, REPLIED", "SOLUTION_PROPOSED, INVESTIGATING",
            "REPLIED, REVISIT", "REPLIED, CLOSED", "REVISIT, CLOSED", "ESCALATED, ACCEPTED", "CLOSED, REOPENED",
            "REOPENED, INVESTIGATING" })
    @DisplayName("CO-8: the workflow's legal moves")
    void legalMoves(ComplaintState from, ComplaintState to) {
        assertThat(Lifecycle.allows(from, to)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = ComplaintState.class, names = { "CLOSED", "ESCALATED" }, mode = EnumSource.Mode.EXCLUDE)
    @DisplayName("CO-4/CO-7: every open state may be escalated")
    void everyOpenStateMayBeEscalated(ComplaintState from) {
        assertThat(Lifecycle.allows(from, ComplaintState.ESCALATED)).isTrue();
    }

    @Test
    void anAroundTheClockAcknowledgementIsWarnedAtThreeQuartersOfItsHourEvenOnASunday_CO3_NO2() {
        ComplaintPolicy around = new ComplaintPolicy("rules", Duration.ofHours(1), true, 1, new PerLevel(1, 3, 3), 7,
                DayEnd.END_OF_DAY, 75, true, new PerLevel(7, 5, 3));
        DeadlineSchedule schedule = new DeadlineSchedule(CALENDAR, around);
        Instant sunday = Instant.parse("2026-10-18T06:00:00Z"); // Sunday 14:00 in Shanghai, no business hours
        Instant due = schedule.acknowledgeDue(sunday);

        assertThat(due).isEqualTo(sunday.plus(Duration.ofHours(1)));
        assertThat(schedule.warnAt(DeadlineKind.ACKNOWLEDGE, sunday, due)).isEqualTo(sunday.plus(Duration.ofMinutes(45)));
        // business deadlines keep business time: Monday 09:00 + 75 % of the day's hours
        Instant resolveDue = schedule.acceptDue(sunday);
        assertThat(schedule.warnAt(DeadlineKind.ACCEPT, sunday, resolveDue)).isAfter(Instant.parse("2026-10-19T01:00:00Z"));
    }

    @Test
    @DisplayName("CO-8: no skipping, no going back, a closed case only reopens")
    void illegalMoves() {
        assertThat(Lifecycle.allows(ComplaintState.RECEIVED, ComplaintState.REPLIED)).isFalse();
        assertThat(Lifecycle.allows(ComplaintState.REPLIED, ComplaintState.ACCEPTED)).isFalse();
        assertThat(Lifecycle.next(ComplaintState.CLOSED)).containsExactly(ComplaintState.REOPENED);
        assertThat(Lifecycle.allows(ComplaintState.RECEIVED, ComplaintState.CLOSED)).isFalse();
        Complaint complaint = received(Level.L1);
        assertThatThrownBy(() -> complaint.transition(ComplaintState.REVISIT, "a", "n", null, false, null, null, SCHEDULE, MONDAY_10))
                .isInstanceOf(DomainException.class).hasMessageContaining("cannot move to REVISIT");
    }

    @Test
    @DisplayName("CO-4: the handler tier follows the level; L3 is the top")
    void handlerTierFollowsTheLevel() {
        assertThat(Level.L1.tier()).isEqualTo(HandlerTier.AGENT);
        assertThat(Level.L2.tier()).isEqualTo(HandlerTier.MANAGER);
        assertThat(Level.L3.tier()).isEqualTo(HandlerTier.DIRECTOR);
        assertThat(Level.L1.next()).isEqualTo(Level.L2);
        assertThat(Level.L3.next()).isEqualTo(Level.L3);
        assertThat(received(Level.L2).getHandlerTier()).isEqualTo(HandlerTier.MANAGER);
    }

    @Test
    @DisplayName("CO-7: 1-3 close, 4-5 are dissatisfied")
    void ratingsFourAndFiveAreDissatisfied() {
        assertThat(EnumSet.range(Level.L1, Level.L3)).hasSize(3);
        assertThat(List.of(1, 2, 3, 4, 5)).map(SatisfactionRating::dissatisfied).containsExactly(false, false, false, true, true);
        assertThat(SatisfactionRating.label(5)).isEqualTo("very dissatisfied");
    }

    @Test
    @DisplayName("CO-4: a manual escalation raises the level, frees the case for the next tier and replaces the resolve deadline")
    void manualEscalationRaisesTheLevelWithANewResolveDeadline() {
        Complaint complaint = received(Level.L1);
        Deadline first = complaint.currentResolve();
        Instant tuesday = Instant.parse("2026-10-13T02:00:00Z");
        complaint.transition(ComplaintState.ESCALATED, "staff-agent-1", "beyond first-line authority", null, false, null, null,
                SCHEDULE, tuesday);
        assertThat(complaint.getLevel()).isEqualTo(Level.L2);
        assertThat(complaint.getHandlerTier()).isEqualTo(HandlerTier.MANAGER);
        assertThat(complaint.getHandlerId()).isNull();
        assertThat(first.getOutcome()).isEqualTo(Deadline.Outcome.SUPERSEDED);
        assertThat(complaint.currentResolve().getDueAt()).isEqualTo(Instant.parse("2026-10-16T10:00:00Z")); // Fri 18:00
        assertThat(complaint.currentResolve().getBusinessDays()).isEqualTo(3);
        assertThatThrownBy(() -> received(Level.L1).transition(ComplaintState.ESCALATED, "a", " ", null, false, null, null,
                SCHEDULE, tuesday)).hasMessageContaining("note");
    }

    @Test
    @DisplayName("CO-7: an L3 case escalated again goes to the executive meeting and stays L3")
    void anL3EscalationGoesToTheExecutiveMeeting() {
        Complaint complaint = received(Level.L3);
        complaint.transition(ComplaintState.ESCALATED, "staff-director-1", "media coverage", null, false, null, null, SCHEDULE,
                MONDAY_10);
        assertThat(complaint.getLevel()).isEqualTo(Level.L3);
        assertThat(complaint.isExecutiveMeeting()).isTrue();
        assertThat(complaint.isOpen()).isTrue();
    }

    @Test
    @DisplayName("CO-5: a deadline met after it was due is late, also in the report")
    void aDeadlineMetAfterItWasDueIsLate() {
        Complaint complaint = received(Level.L1);
        complaint.transition(ComplaintState.ACKNOWLEDGED, "a", "called", null, false, null, null, SCHEDULE,
                Instant.parse("2026-10-12T03:30:00Z")); // 11:30, due 11:00
        assertThat(complaint.deadline(DeadlineKind.ACKNOWLEDGE).getOutcome()).isEqualTo(Deadline.Outcome.LATE);
    }

    @Test
    @DisplayName("CU-9: VIP, then preferred, then qualified, unknown last")
    void gradeRanksOrderTheQueues() {
        assertThat(List.of("VIP", "preferred", "QUALIFIED", "GOLD")).map(CustomerGrade::parse).map(CustomerGrade::rankOf)
                .containsExactly(0, 1, 2, 3);
        assertThat(received(Level.L1).getGradeRank()).isZero();
    }

    @Test
    @DisplayName("CO-6: the first progress contact is due a week after receipt for L1, sooner for L2/L3")
    void progressContactIsDueWeeklyAndSoonerForSeriousCases() {
        assertThat(received(Level.L1).getProgressContactDueAt()).isEqualTo(Instant.parse("2026-10-19T02:00:00Z"));
        assertThat(received(Level.L3).getProgressContactDueAt()).isEqualTo(Instant.parse("2026-10-15T02:00:00Z"));
    }
}
