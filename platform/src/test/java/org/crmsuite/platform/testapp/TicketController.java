package org.crmsuite.platform.testapp;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.crmsuite.platform.events.AggregateStore;
import org.crmsuite.platform.web.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TicketController {

    enum Channel { PHONE, EMAIL }

    record NewTicket(@NotBlank String title, @NotNull Channel channel, @Min(1) @Max(5) int priority, @Email String email,
            List<String> tags) {
    }

    private final AggregateStore store;

    TicketController(AggregateStore store) {
        this.store = store;
    }

    @PostMapping("/api/v1/tickets")
    Ticket create(@Valid @RequestBody NewTicket body) {
        return store.save(Ticket.open(body.title(), false));
    }

    @GetMapping("/api/v1/tickets/{id}")
    Ticket get(@PathVariable String id) {
        throw DomainException.notFound("ticket", id);
    }

    @GetMapping("/api/v1/tickets/search")
    List<Ticket> search(@RequestParam int page) {
        return List.of();
    }

    @PostMapping("/api/v1/tickets/stale")
    void stale() {
        throw new OptimisticLockingFailureException("stale version 3 of Ticket 42");
    }

    @PostMapping("/api/v1/tickets/duplicate")
    void duplicate() {
        throw new DuplicateKeyException("E11000 duplicate key error collection: crm_test.tickets index: number_1");
    }

    @PostMapping("/api/v1/tickets/refused")
    void refused() {
        throw DomainException.conflict("ticket.closed", "The ticket is closed").with("ticketId", "t-1");
    }

    @GetMapping("/api/v1/tickets/caller")
    org.crmsuite.platform.identity.Caller caller(org.crmsuite.platform.identity.Caller caller) {
        return caller;
    }

    @PostMapping("/api/v1/tickets/boom")
    void boom() {
        throw new IllegalStateException("secret internal detail at com.example.Internal");
    }
}
