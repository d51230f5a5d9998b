package org.crmsuite.console.complaints;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crmsuite.console.api.GatewayApi;
import org.crmsuite.console.security.ConsoleUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The complaints board: the person's own queue (cases they handle) and their tier's queue (CU-9 order, as
 * complaint-service returns it — never re-sorted here), each case with a live countdown to its next deadline. Each
 * queue is a part of its own, loaded and refreshed with htmx, so a slow or failing call marks only that part.
 */
@Controller
class ComplaintBoard {

    /** CO-4 handler tiers, the values of {@code GET /complaints/queue?tier=}. */
    static final List<String> TIERS = List.of("AGENT", "MANAGER", "DIRECTOR");

    /** Roles that have work queues; GM and ADMIN read any tier's but must name it. */
    static final Set<String> QUEUE_ROLES = Set.of("AGENT", "MANAGER", "DIRECTOR", "GM", "ADMIN");

    private static final int PAGE_SIZE = 50;

    private final GatewayApi api;

    ComplaintBoard(GatewayApi api) {
        this.api = api;
    }

    @GetMapping({ "/console/complaints", "/console/complaints/" })
    String board(@RequestParam(required = false) String tier, @AuthenticationPrincipal OidcUser user, Model model) {
        ConsoleUser me = ConsoleUser.from(user);
        model.addAttribute("tiers", TIERS);
        String chosen = chosenTier(tier, me);
        model.addAttribute("tier", chosen);
        model.addAttribute("tierQueueLink", link("/console/complaints/queue/tier", chosen, 0));
        model.addAttribute("hasQueues", QUEUE_ROLES.stream().anyMatch(me::has));
        return "complaints/board";
    }

    /** Cases handled by the person: {@code handlerId} = self. */
    @GetMapping("/console/complaints/queue/mine")
    String myQueue(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal OidcUser user, Model model) {
        ConsoleUser me = ConsoleUser.from(user);
        String uri = UriComponentsBuilder.fromPath("/api/v1/complaints/queue").queryParam("handlerId", "{handler}")
                .queryParam("page", Math.max(page, 0)).queryParam("size", PAGE_SIZE).build().toUriString();
        return queue(api.getMap(uri, me.id()), "/console/complaints/queue/mine", null, model);
    }

    /**
     * The person's tier in their department, as the service defaults it (directors: every department); a supervisor
     * may look at another tier.
     */
    @GetMapping("/console/complaints/queue/tier")
    String tierQueue(@RequestParam(required = false) String tier, @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal OidcUser user, Model model) {
        String wanted = chosenTier(tier, ConsoleUser.from(user));
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/v1/complaints/queue");
        if (wanted != null) {
            uri.queryParam("tier", wanted);
        }
        uri.queryParam("page", Math.max(page, 0)).queryParam("size", PAGE_SIZE);
        return queue(api.getMap(uri.build().toUriString()), "/console/complaints/queue/tier", wanted, model);
    }

    private static String queue(Map<String, Object> answer, String path, String tier, Model model) {
        model.addAttribute("queue", answer);
        model.addAttribute("items", answer.getOrDefault("items", List.of()));
        int page = number(answer.get("page"), 0);
        int size = number(answer.get("size"), PAGE_SIZE);
        long total = number(answer.get("total"), 0);
        model.addAttribute("previousLink", page > 0 ? link(path, tier, page - 1) : null);
        model.addAttribute("nextLink", (long) (page + 1) * size < total ? link(path, tier, page + 1) : null);
        return "complaints/queue :: queue";
    }

    private static String link(String path, String tier, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path).queryParam("page", page);
        if (tier != null) {
            uri.queryParam("tier", tier);
        }
        return uri.build().toUriString();
    }

    /**
     * The tier asked for, if it is one; otherwise none (the service takes the person's own) — except for GM and
     * ADMIN without a tier of their own, whom the service asks to name one: they start with the first line.
     */
    static String chosenTier(String asked, ConsoleUser me) {
        if (asked != null && TIERS.contains(asked)) {
            return asked;
        }
        return me.any("AGENT", "MANAGER", "DIRECTOR") ? null : me.any("GM", "ADMIN") ? "AGENT" : null;
    }

    private static int number(Object value, int otherwise) {
        return value instanceof Number n ? n.intValue() : otherwise;
    }
}
