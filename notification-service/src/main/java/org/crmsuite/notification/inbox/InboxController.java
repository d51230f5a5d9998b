package org.crmsuite.notification.inbox;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.crmsuite.notification.access.Access;
import org.crmsuite.platform.identity.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own inbox (NO-4): every staff member sees only theirs. */
@RestController
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    record InboxPage(List<InboxItem> items, int page, int size, long totalItems, long unread) {
    }

    record UnreadCount(long unread) {
    }

    record Marked(long marked) {
    }

    @GetMapping("/api/v1/notifications/inbox")
    InboxPage list(@RequestParam(defaultValue = "false") boolean unreadOnly, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
        Access.requireStaff(caller);
        return new InboxPage(inbox.list(caller.id(), unreadOnly, page, size), page, size, inbox.total(caller.id()),
                inbox.unread(caller.id()));
    }

    @GetMapping("/api/v1/notifications/inbox/unread-count")
    UnreadCount unread(Caller caller) {
        Access.requireStaff(caller);
        return new UnreadCount(inbox.unread(caller.id()));
    }

    @PostMapping("/api/v1/notifications/inbox/{id}/read")
    InboxItem read(@PathVariable String id, Caller caller) {
        Access.requireStaff(caller);
        return inbox.markRead(caller.id(), id);
    }

    @PostMapping("/api/v1/notifications/inbox/read-all")
    Marked readAll(Caller caller) {
        Access.requireStaff(caller);
        return new Marked(inbox.markAllRead(caller.id()));
    }
}
