package org.crmsuite.console.inbox;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One page of the person's inbox as notification-service answers {@code GET /api/v1/notifications/inbox} (NO-4),
 * and what the page needs to offer paging. {@code totalItems} counts the whole inbox, {@code unread} the unread
 * items, whatever the filter.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record InboxPage(List<Item> items, int page, int size, long totalItems, long unread) {

    InboxPage {
        items = items == null ? List.of() : items;
    }

    /** An item; times stay ISO strings, the page shows them in the browser's zone ({@code <time data-local>}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(String id, String eventType, String subject, String title, String body, boolean urgent,
            String createdAt, String readAt) {

        public boolean unread() {
            return readAt == null;
        }

        /** What the list shows in bold: the rendered title, else the subject, else the event type. */
        public String heading() {
            return title != null && !title.isBlank() ? title : subject != null && !subject.isBlank() ? subject : eventType;
        }
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext(boolean unreadOnly) {
        long matching = unreadOnly ? unread : totalItems;
        return (long) (page + 1) * size < matching;
    }
}
