package org.crmsuite.customer.profile;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.bson.types.ObjectId;
import org.crmsuite.customer.access.Forbidden;
import org.crmsuite.customer.access.WriteRules;
import org.crmsuite.customer.profile.CustomerRequests.CommunicationBody;
import org.crmsuite.customer.profile.CustomerRequests.CooperationBody;
import org.crmsuite.customer.web.Invalid;
import org.crmsuite.customer.web.PageView;
import org.crmsuite.customer.web.Paging;
import org.crmsuite.platform.identity.Caller;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A customer's timeline (CU-1): communication records and cooperation history, newest first. */
@RestController
class TimelineController {

    private final Customers customers;
    private final MongoTemplate mongo;

    TimelineController(Customers customers, MongoTemplate mongo) {
        this.customers = customers;
        this.mongo = mongo;
    }

    @PostMapping("/api/v1/customers/{id}/communications")
    @ResponseStatus(HttpStatus.CREATED)
    Communication communicate(@PathVariable String id, @Valid @RequestBody CommunicationBody body, Caller caller) {
        Customer customer = customers.get(id);
        Forbidden.unless(WriteRules.mayRecordCommunication(caller, customer.getDepartmentId(), customer.getOwnerId()),
                "Only the owner, the department's manager, the service desk or above record communications");
        ProfileController.refuseArchived(customer);
        if (body.contactId() != null && customer.contact(body.contactId()).isEmpty()) {
            throw Invalid.field("contactId", "is not a contact of this customer");
        }
        var now = customers.now();
        return mongo.insert(new Communication(new ObjectId().toHexString(), id, customer.getDepartmentId(),
                body.at() == null ? now : body.at(), body.channel(), body.summary(), body.contactId(), caller.id(), now));
    }

    @GetMapping("/api/v1/customers/{id}/communications")
    PageView<Communication> communications(@PathVariable String id, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size, Caller caller) {
        ProfileController.readable(caller, customers.get(id));
        return page(Communication.class, id, Paging.of(page, size, "at,desc", Map.of("at", "at"), "at,desc"));
    }

    @PostMapping("/api/v1/customers/{id}/cooperations")
    @ResponseStatus(HttpStatus.CREATED)
    Cooperation cooperate(@PathVariable String id, @Valid @RequestBody CooperationBody body, Caller caller) {
        Customer customer = customers.get(id);
        Forbidden.unless(WriteRules.mayRecordBusiness(caller, customer.getDepartmentId(), customer.getOwnerId()),
                "Only the owner, the department's manager, finance or above record cooperation history");
        if (body.startOn() != null && body.endOn() != null && body.endOn().isBefore(body.startOn())) {
            throw Invalid.field("endOn", "must not be before startOn");
        }
        return mongo.insert(new Cooperation(new ObjectId().toHexString(), id, customer.getDepartmentId(),
                body.contractNumber(), body.title(), CustomerMapper.money(body.amount()), body.signedOn(), body.startOn(),
                body.endOn(), body.notes(), caller.id(), customers.now()));
    }

    @GetMapping("/api/v1/customers/{id}/cooperations")
    PageView<Cooperation> cooperations(@PathVariable String id, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size, Caller caller) {
        ProfileController.readable(caller, customers.get(id));
        return page(Cooperation.class, id, Paging.of(page, size, "signedOn,desc", Map.of("signedOn", "signedOn"), "signedOn,desc"));
    }

    private <T> PageView<T> page(Class<T> type, String customerId, Pageable pageable) {
        Query query = new Query(Criteria.where("customerId").is(customerId));
        long total = mongo.count(query, type);
        return PageView.of(new PageImpl<>(mongo.find(query.with(pageable), type), pageable, total), x -> x);
    }
}
