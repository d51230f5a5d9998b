package org.crmsuite.console.dashboards;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.crmsuite.console.api.ApiProblem;
import org.crmsuite.console.api.GatewayApi;
import org.crmsuite.console.dashboards.ServiceReports.ComplaintReport;
import org.crmsuite.console.dashboards.ServiceReports.ReceptionStatistics;
import org.crmsuite.console.security.ConsoleUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Dashboards for managers and above: a month's complaint volumes by category and level, on-time rate and
 * satisfaction (complaint-service, CO-9) and reception conversion (sales-service, SA-10). The page holds only the
 * month selector; each service's charts load as their own htmx part, so a service that is down leaves the other's
 * charts standing. What a person sees of the figures is the services' decision: a manager's complaint report is
 * their department's, a manager's reception statistics their department's offices.
 */
@Controller
@RequestMapping("/console/dashboards")
class DashboardController {

    private final GatewayApi api;
    private final DashboardCharts charts;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    DashboardController(GatewayApi api, DashboardCharts charts, MessageSource messages, Clock clock,
            // the services count months in the business zone (complaint calendar, sales offices): "this month" too
            @Value("${crm.console.dashboards.zone:Asia/Shanghai}") ZoneId zone) {
        this.api = api;
        this.charts = charts;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    @GetMapping
    String page(@RequestParam(required = false) String month, @AuthenticationPrincipal OidcUser user, Model model,
            HttpServletResponse response) {
        if (!ConsoleUser.from(user).supervises()) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("problem", new ApiProblem(403, "access.denied", text("dashboards.forbidden.title"),
                    text("dashboards.forbidden.detail"), Map.of()));
            return "error/problem";
        }
        model.addAttribute("monthInput", month);
        YearMonth chosen = month == null || month.isBlank() ? YearMonth.now(clock.withZone(zone)) : parse(month);
        if (chosen == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", monthProblem());
            return "dashboards/page";
        }
        model.addAttribute("month", chosen.toString());
        model.addAttribute("previousMonth", chosen.minusMonths(1).toString());
        model.addAttribute("nextMonth", chosen.plusMonths(1).toString());
        return "dashboards/page";
    }

    /** CO-9: the four complaint charts, from one monthly summary. */
    @GetMapping("/complaints")
    String complaints(@RequestParam(required = false) String month, Model model, HttpServletResponse response) {
        YearMonth chosen = parse(month);
        if (chosen == null) {
            return refused(model, response);
        }
        ComplaintReport report = api.get("/api/v1/complaints/reports/summary?period=MONTH&date={date}",
                ComplaintReport.class, chosen.atDay(1).toString());
        model.addAttribute("complaints", charts.complaints(report));
        return "dashboards/complaints :: charts";
    }

    /**
     * SA-10: reception conversion per rep. sales-service computes it (deposits and contracts in % of visitors), so
     * the console only draws it.
     */
    @GetMapping("/conversion")
    String conversion(@RequestParam(required = false) String month, Model model, HttpServletResponse response) {
        YearMonth chosen = parse(month);
        if (chosen == null) {
            return refused(model, response);
        }
        ReceptionStatistics statistics = api.get("/api/v1/reception/statistics?period=MONTHLY&date={date}",
                ReceptionStatistics.class, chosen.atDay(1).toString());
        model.addAttribute("conversion", charts.conversion(statistics));
        return "dashboards/conversion :: chart";
    }

    private String refused(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("problem", monthProblem());
        return "fragments/problem :: panel";
    }

    private ApiProblem monthProblem() {
        return new ApiProblem(400, "month.invalid", text("dashboards.month.invalid.title"), null,
                Map.of("month", text("dashboards.month.invalid")));
    }

    /** {@code 2026-11}; anything else is the console's own "not understood", without asking a service. */
    private static YearMonth parse(String month) {
        if (month == null) {
            return null;
        }
        try {
            return YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String text(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }
}
