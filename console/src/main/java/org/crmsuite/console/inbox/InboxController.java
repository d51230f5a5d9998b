package org.crmsuite.console.inbox;

import java.util.Map;

import org.crmsuite.console.api.ApiFailure;
import org.crmsuite.console.api.ApiUnavailable;
import org.crmsuite.console.api.GatewayApi;
import org.crmsuite.console.security.HtmxRequests;
import org.crmsuite.console.security.SignInAgain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The person's own notifications (NO-2, delivered to the in-app inbox, NO-4): newest first with the unread count,
 * marking one or all read, and the unread number for the navigation's badge. notification-service keeps the inbox
 * per token {@code sub}, so the console never names whose inbox it reads.
 */
@Controller
@RequestMapping("/console/inbox")
class InboxController {

    private static final Logger log = LoggerFactory.getLogger(InboxController.class);

    static final int PAGE_SIZE = 20;
    /** htmx event a page may listen for (e.g. to refresh the badge at once rather than within a minute). */
    static final String CHANGED_EVENT = "inbox-changed";

    private final GatewayApi api;

    InboxController(GatewayApi api) {
        this.api = api;
    }

    /**
     * The page keeps its frame (navigation, an administrator's subscriptions part) when notification-service is down:
     * the list alone shows "unavailable".
     */
    @GetMapping
    String page(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean unreadOnly,
            Model model) {
        try {
            showList(Math.max(0, page), unreadOnly, model);
        } catch (ApiUnavailable e) {
            log.warn("inbox shown without its list: {}", e.getMessage());
            model.addAttribute("unreadOnly", unreadOnly);
            model.addAttribute("listUnavailable", true);
        }
        return "inbox/page";
    }

    /**
     * The unread number as plain text, empty for none: polled by the layout's navigation every minute on every page.
     * It must never break the page around it, so a service that is down or refuses, or a token that ran out, gives
     * an empty badge (the next real page load deals with sign-in); one small call, nothing else.
     */
    @GetMapping("/badge")
    ResponseEntity<String> badge() {
        String text;
        try {
            Map<String, Object> answer = api.getMap("/api/v1/notifications/inbox/unread-count");
            long count = answer != null && answer.get("unread") instanceof Number unread ? unread.longValue() : 0;
            text = count <= 0 ? "" : count > 99 ? "99+" : String.valueOf(count);
        } catch (ApiUnavailable | ApiFailure | SignInAgain | RestClientException e) {
            // RestClientException: an answer that is not the JSON expected
            log.debug("inbox badge left empty: {}", e.getMessage());
            text = "";
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8)).body(text);
    }

    @PostMapping("/{id}/read")
    String markRead(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "false") boolean unreadOnly, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return afterMarking(() -> api.post("/api/v1/notifications/inbox/{id}/read", null, id), page, unreadOnly, request,
                response, model);
    }

    @PostMapping("/read-all")
    String markAllRead(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "false") boolean unreadOnly, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return afterMarking(() -> api.post("/api/v1/notifications/inbox/read-all", null), page, unreadOnly, request,
                response, model);
    }

    /**
     * From the list (htmx): the list again, with the service's refusal above it if there was one (an item that is
     * not the caller's is a 404). Without htmx: back to the inbox page.
     */
    private String afterMarking(Runnable marking, int page, boolean unreadOnly, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            marking.run();
        } catch (ApiFailure failure) {
            if (failure.status() >= 500) {
                throw failure;
            }
            response.setStatus(failure.status());
            model.addAttribute("problem", failure.problem());
            if (!HtmxRequests.isHtmx(request)) {
                showList(Math.max(0, page), unreadOnly, model);
                return "inbox/page";
            }
        }
        if (!HtmxRequests.isHtmx(request)) {
            return "redirect:" + UriComponentsBuilder.fromPath("/console/inbox").queryParam("page", Math.max(0, page))
                    .queryParam("unreadOnly", unreadOnly).build().toUriString();
        }
        response.setHeader("HX-Trigger", CHANGED_EVENT);
        showList(Math.max(0, page), unreadOnly, model);
        return "inbox/page :: list";
    }

    private void showList(int page, boolean unreadOnly, Model model) {
        InboxPage inbox = api.get("/api/v1/notifications/inbox?unreadOnly={unreadOnly}&page={page}&size={size}",
                InboxPage.class, unreadOnly, page, PAGE_SIZE);
        model.addAttribute("inbox", inbox);
        model.addAttribute("unreadOnly", unreadOnly);
    }
}
