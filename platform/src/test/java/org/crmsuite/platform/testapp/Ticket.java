package org.crmsuite.platform.testapp;

import org.crmsuite.platform.events.AggregateRoot;
import org.crmsuite.platform.events.EventType;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("tickets")
public class Ticket extends AggregateRoot {

    public static final EventType OPENED = new EventType("crm.test.ticket-opened.v1", "test.ticket.opened");
    public static final EventType RENAMED = new EventType("crm.test.ticket-renamed.v1", "test.ticket.renamed");

    private String title;
    private String note;

    public static Ticket open(String title, boolean poison) {
        Ticket ticket = new Ticket();
        ticket.title = title;
        ticket.raise(OPENED, new Opened(title, poison));
        return ticket;
    }

    public void rename(String newTitle) {
        String old = title;
        title = newTitle;
        raise(RENAMED, new Renamed(old, newTitle));
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public record Opened(String title, boolean poison) {
    }

    public record Renamed(String from, String to) {
    }
}
