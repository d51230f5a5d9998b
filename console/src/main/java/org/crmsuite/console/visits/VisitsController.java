package org.crmsuite.console.visits;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.crmsuite.console.api.ApiFailure;
import org.crmsuite.console.api.ApiProblem;
import org.crmsuite.console.api.GatewayApi;
import org.crmsuite.console.security.ConsoleUser;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The visits screen of an account manager: the visits due soon and overdue (VI-7) and a month calendar of planned
 * and recorded visits. Each part loads by itself (htmx), so visit-service answering slowly or not at all shows in
 * that part only. What a person sees is what visit-service shows their token: their own customers' visits for
 * sales and agents, the department's for a manager, everything for a director.
 */
@Controller
class VisitsController {

    /** Whose visits the board and the calendar show. */
    enum Scope {
        /** Plans assigned to the person ({@code ownerId} = their id): the default, for everyone. */
        MINE,
        /** What visit-service shows the person without a filter: a manager's department, a director's organisation. */
        TEAM;

        static Scope of(String value, ConsoleUser me) {
            return "team".equalsIgnoreCase(value) && me.supervises() ? TEAM : MINE;
        }

        String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final GatewayApi api;
    private final Clock clock;
    private final VisitScreenSettings settings;
    private final MessageSource messages;

    VisitsController(GatewayApi api, Clock clock, VisitScreenSettings settings, MessageSource messages) {
        this.api = api;
        this.clock = clock;
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping({ "/console/visits", "/console/visits/" })
    String page(@RequestParam(required = false) String month, @RequestParam(required = false) String scope,
            @AuthenticationPrincipal OidcUser user, Locale locale, Model model) {
        ConsoleUser me = ConsoleUser.from(user);
        model.addAttribute("month", month(month, locale).toString());
        model.addAttribute("scope", Scope.of(scope, me).param());
        return "visits/index";
    }

    /** VI-7: the person's overdue and due-soon visits, in the service's CU-9 order (VIP first, then by deadline). */
    @GetMapping("/console/visits/due")
    String due(@RequestParam(required = false) String scope, @AuthenticationPrincipal OidcUser user, Model model) {
        ConsoleUser me = ConsoleUser.from(user);
        Scope shown = Scope.of(scope, me);
        Map<String, Object> board = shown == Scope.MINE
                ? api.getMap("/api/v1/visit-plans/due?ownerId={ownerId}", me.id())
                : api.getMap("/api/v1/visit-plans/due");
        Instant now = clock.instant();
        model.addAttribute("scope", shown.param());
        model.addAttribute("overdue", DueVisit.of(board.get("overdue"), now, settings.zone()));
        model.addAttribute("dueSoon", DueVisit.of(board.get("dueSoon"), now, settings.zone()));
        model.addAttribute("dueSoonUntil", board.get("dueSoonUntil"));
        return "visits/due :: board";
    }

    /** A month: open plans on the day they are planned for, visit records on the day of the visit. */
    @GetMapping("/console/visits/calendar")
    String calendar(@RequestParam(required = false) String month, @RequestParam(required = false) String scope,
            @AuthenticationPrincipal OidcUser user, Locale locale, Model model) {
        ConsoleUser me = ConsoleUser.from(user);
        Scope shown = Scope.of(scope, me);
        YearMonth asked = month(month, locale);
        MonthGrid grid = MonthGrid.of(asked);
        Instant from = grid.start(settings.zone());
        Instant to = grid.end(settings.zone());
        int limit = settings.calendarLimit();
        // the plans API filters by deadline; a plan is due on the working day it is planned for unless it was
        // rescheduled (VI-2 keeps the deadline), so deadlines up to a month either side of the grid are asked for
        Map<String, Object> plans = list("/api/v1/visit-plans?status=PLANNED&dueFrom={from}&dueTo={to}&size={size}",
                shown, me, from.minus(Duration.ofDays(31)), to.plus(Duration.ofDays(31)), limit);
        Map<String, Object> records = list("/api/v1/visits?from={from}&to={to}&size={size}", shown, me, from, to, limit);
        List<MonthGrid.Entry> entries = new ArrayList<>();
        items(plans).forEach(plan -> entries.add(MonthGrid.planned(plan, settings.zone())));
        items(records).forEach(record -> entries.add(MonthGrid.recorded(record, settings.zone())));
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        model.addAttribute("grid", grid.place(entries, today, settings.zone()));
        model.addAttribute("weekdays", Arrays.asList(DayOfWeek.values()));
        model.addAttribute("monthTitle", DateTimeFormatter.ofPattern(
                messages.getMessage("visits.calendar.monthPattern", null, locale), locale).format(asked));
        model.addAttribute("month", asked.toString());
        model.addAttribute("previous", asked.minusMonths(1).toString());
        model.addAttribute("next", asked.plusMonths(1).toString());
        model.addAttribute("thisMonth", YearMonth.from(today).toString());
        model.addAttribute("scope", shown.param());
        model.addAttribute("cut", items(plans).size() < total(plans) || items(records).size() < total(records));
        return "visits/calendar :: calendar";
    }

    private Map<String, Object> list(String uri, Scope scope, ConsoleUser me, Instant from, Instant to, int size) {
        return scope == Scope.MINE
                ? api.getMap(uri + "&ownerId={ownerId}", from.toString(), to.toString(), size, me.id())
                : api.getMap(uri, from.toString(), to.toString(), size);
    }

    /** The month asked for ({@code 2026-11}), this month when none; anything else is refused as the API would. */
    private YearMonth month(String month, Locale locale) {
        if (month == null || month.isBlank()) {
            return YearMonth.now(clock.withZone(settings.zone()));
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeException e) {
            throw new ApiFailure(new ApiProblem(400, "request.invalid",
                    messages.getMessage("visits.error.title", null, locale), null,
                    Map.of("month", messages.getMessage("visits.error.month", null, locale))));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return page != null && page.get("items") instanceof List<?> items
                ? items.stream().filter(Map.class::isInstance).map(item -> (Map<String, Object>) item).toList()
                : List.of();
    }

    private static long total(Map<String, Object> page) {
        return page != null && page.get("totalItems") instanceof Number total ? total.longValue() : 0;
    }
}
