package org.crmsuite.sales.deposits;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.crmsuite.platform.identity.Caller;
import org.crmsuite.platform.identity.Role;
import org.crmsuite.platform.web.DomainException;
import org.crmsuite.sales.access.Forbidden;
import org.crmsuite.sales.access.SalesAccess;
import org.crmsuite.sales.units.Unit;
import org.crmsuite.sales.units.Units;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/deposits} (SA-9): a rep takes a deposit for a customer on an available unit; the rep or the manager
 * moves it on, cancels it, changes its unit or buyer; FINANCE alone records money received; the manager overrides the
 * commission with a reason (SA-7).
 */
@RestController
class DepositController {

    static final String PHONE = "[+0-9 ()-]{5,20}";

    private final Deposits deposits;
    private final Units units;

    DepositController(Deposits deposits, Units units) {
        this.deposits = deposits;
        this.units = units;
    }

    record NewDeposit(@NotBlank String unitId, @NotBlank @Size(max = 60) String customerId,
            @NotBlank @Size(max = 100) String buyerName, @Pattern(regexp = PHONE) String buyerPhone,
            @NotNull DealStage stage, @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @Pattern(regexp = "[A-Z]{3}") String currency, @Size(max = 60) String repId) {
    }

    record StageChange(@NotNull DealStage stage, @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @Pattern(regexp = "[A-Z]{3}") String currency) {
    }

    record Cancellation(@NotBlank @Size(max = 1000) String reason) {
    }

    record UnitChange(@NotBlank String unitId, @NotBlank @Size(max = 1000) String reason) {
    }

    record BuyerChange(@NotBlank @Size(max = 60) String customerId, @NotBlank @Size(max = 100) String buyerName,
            @Pattern(regexp = PHONE) String buyerPhone, @NotBlank @Size(max = 1000) String reason) {
    }

    record PaymentBody(@NotNull DealStage stage, @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @Pattern(regexp = "[A-Z]{3}") String currency, @NotBlank @Size(max = 100) String reference) {
    }

    record ShareBody(@NotBlank String staffId, @Min(0) @Max(100) int percent) {
    }

    record CommissionOverride(@NotEmpty @Size(max = 10) List<@Valid ShareBody> shares,
            @NotBlank @Size(max = 2000) String reason) {
    }

    record DepositView(String id, String unitId, String projectId, String officeId, String customerId, String buyerName,
            String buyerPhone, String repId, DealStage stage, List<Deposit.StageAmount> amounts,
            List<Deposit.Payment> payments, List<Deposit.Change> changes, Instant takenAt, String contractId,
            Instant contractedAt, Instant cancelledAt, String cancelReason, Deposit.Commission commission, Long version) {

        static DepositView of(Deposit d) {
            return new DepositView(d.getId(), d.unitId(), d.projectId(), d.officeId(), d.customerId(), d.buyerName(),
                    d.buyerPhone(), d.repId(), d.stage(), d.amounts(), d.payments(), d.changes(), d.takenAt(),
                    d.contractId(), d.contractedAt(), d.cancelledAt(), d.cancelReason(), d.commission(), d.getVersion());
        }
    }

    @PostMapping("/api/v1/deposits")
    @ResponseStatus(HttpStatus.CREATED)
    DepositView take(@Valid @RequestBody NewDeposit body,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey, Caller caller) {
        if (body.stage() != DealStage.SMALL_DEPOSIT && body.stage() != DealStage.LARGE_DEPOSIT) {
            throw DomainException.badRequest("deposit.first-stage", "A deal starts with a small or a large deposit")
                    .with("field", "stage");
        }
        Unit unit = units.get(body.unitId());
        String rep;
        if (SalesAccess.isSalesOf(caller, unit.departmentId())) {
            Forbidden.unless(body.repId() == null || body.repId().equals(caller.id()), "A rep takes deposits for themselves");
            rep = caller.id();
        } else {
            SalesAccess.requireManagerOf(caller, unit.departmentId(), "or its reps take deposits on its units");
            if (body.repId() == null) {
                throw DomainException.badRequest("deposit.rep-required", "Name the rep the deposit credits")
                        .with("field", "repId");
            }
            rep = body.repId();
        }
        return DepositView.of(deposits.take(new Deposits.NewDeposit(unit, body.customerId(), body.buyerName(),
                body.buyerPhone(), rep, body.stage(), body.amount().toPlainString(), currency(body.currency()), caller.id(),
                idempotencyKey)));
    }

    @GetMapping("/api/v1/deposits/{id}")
    DepositView get(@PathVariable String id, Caller caller) {
        Deposit d = deposits.get(id);
        Forbidden.unless(ownRep(d, caller) || SalesAccess.readsOffice(caller, d.departmentId()) || caller.has(Role.FINANCE),
                "Only the deposit's rep, the office's manager and finance read a deposit");
        return DepositView.of(d);
    }

    @GetMapping("/api/v1/deposits")
    List<DepositView> list(@RequestParam(required = false) String officeId, @RequestParam(required = false) String unitId,
            Caller caller) {
        SalesAccess.requireStaff(caller);
        String rep = null;
        if (!caller.hasAny(Role.ADMIN, Role.GM, Role.DIRECTOR, Role.FINANCE, Role.SERVICE, Role.MANAGER)) {
            Forbidden.unless(caller.has(Role.SALES), "Only sales, managers and finance list deposits");
            rep = caller.id();
        }
        List<Deposit> found = deposits.list(officeId, rep, unitId);
        if (caller.has(Role.MANAGER) && !caller.hasAny(Role.ADMIN, Role.GM, Role.DIRECTOR, Role.FINANCE)) {
            found = found.stream().filter(d -> caller.inDepartment(d.departmentId())).toList();
        }
        return found.stream().map(DepositView::of).toList();
    }

    @PostMapping("/api/v1/deposits/{id}/stage")
    DepositView advance(@PathVariable String id, @Valid @RequestBody StageChange body, Caller caller) {
        Deposit d = deposits.get(id);
        requireRepOrManager(d, caller);
        return DepositView.of(deposits.advance(d, body.stage(), body.amount().toPlainString(), currency(body.currency()),
                caller.id()));
    }

    @PostMapping("/api/v1/deposits/{id}/cancellation")
    DepositView cancel(@PathVariable String id, @Valid @RequestBody Cancellation body, Caller caller) {
        Deposit d = deposits.get(id);
        requireRepOrManager(d, caller);
        return DepositView.of(deposits.cancel(d, body.reason(), caller.id()));
    }

    @PostMapping("/api/v1/deposits/{id}/unit-change")
    DepositView changeUnit(@PathVariable String id, @Valid @RequestBody UnitChange body, Caller caller) {
        Deposit d = deposits.get(id);
        requireRepOrManager(d, caller);
        return DepositView.of(deposits.changeUnit(d, body.unitId(), body.reason(), caller.id()));
    }

    @PostMapping("/api/v1/deposits/{id}/buyer-change")
    DepositView changeBuyer(@PathVariable String id, @Valid @RequestBody BuyerChange body, Caller caller) {
        Deposit d = deposits.get(id);
        requireRepOrManager(d, caller);
        return DepositView.of(deposits.changeBuyer(d, body.customerId(), body.buyerName(), body.buyerPhone(),
                body.reason(), caller.id()));
    }

    @PostMapping("/api/v1/deposits/{id}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    DepositView pay(@PathVariable String id, @Valid @RequestBody PaymentBody body, Caller caller) {
        Forbidden.unless(caller.has(Role.FINANCE), "Money is recorded as received by finance, never by a rep (SA-9)");
        Deposit d = deposits.get(id);
        return DepositView.of(deposits.recordPayment(d, body.stage(), body.amount().toPlainString(),
                currency(body.currency()), body.reference(), caller.id()));
    }

    @GetMapping("/api/v1/deposits/{id}/commission")
    Deposit.Commission commission(@PathVariable String id, Caller caller) {
        Deposit d = deposits.get(id);
        Forbidden.unless(ownRep(d, caller) || SalesAccess.readsOffice(caller, d.departmentId()) || caller.has(Role.FINANCE),
                "Only the deposit's rep, the office's manager and finance read the commission");
        if (d.commission() == null) {
            throw DomainException.conflict("deposit.not-contracted", "The commission is computed when the contract is signed");
        }
        return d.commission();
    }

    @PostMapping("/api/v1/deposits/{id}/commission/override")
    DepositView overrideCommission(@PathVariable String id, @Valid @RequestBody CommissionOverride body, Caller caller) {
        Deposit d = deposits.get(id);
        SalesAccess.requireManagerOf(caller, d.departmentId(), "overrides a commission split (SA-7)");
        List<CommissionSplit.Share> shares = body.shares().stream()
                .map(s -> new CommissionSplit.Share(s.staffId(), s.percent(), "SA-7 override")).toList();
        return DepositView.of(deposits.overrideCommission(d, shares, body.reason(), caller.id()));
    }

    private static boolean ownRep(Deposit d, Caller caller) {
        return caller.has(Role.SALES) && caller.id().equals(d.repId());
    }

    private static void requireRepOrManager(Deposit d, Caller caller) {
        Forbidden.unless((ownRep(d, caller) && caller.inDepartment(d.departmentId()))
                || SalesAccess.isManagerOf(caller, d.departmentId()), "Only the deposit's rep or the office's manager");
    }

    private static String currency(String currency) {
        return currency == null ? "CNY" : currency;
    }
}
