package org.crmsuite.sales.rota;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.crmsuite.platform.identity.Caller;
import org.crmsuite.sales.access.Forbidden;
import org.crmsuite.sales.access.SalesAccess;
import org.crmsuite.sales.office.Offices;
import org.crmsuite.sales.office.SalesOffice;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/reception/offices/{officeId}/rota/{date}}: the day's rota (SA-1, SA-2). The office's manager sets it,
 * reorders it and marks absences; the office's staff read who is next and who stands by.
 */
@RestController
class RotaController {

    private final Rotas rotas;
    private final Offices offices;

    RotaController(Rotas rotas, Offices offices) {
        this.rotas = rotas;
        this.offices = offices;
    }

    record RotaOrder(@NotEmpty @Size(max = 50) List<@NotBlank String> order, String next) {
    }

    record Absence(@NotNull SlotState state) {
    }

    record SlotView(String repId, SlotState state, boolean priority, int owed, int turnsTaken, int turnsLost,
            int notCounted) {
    }

    record RotaView(String officeId, String date, String next, String standby, List<SlotView> reps, List<Rota.Turn> turns,
            Long version) {
    }

    @PostMapping("/api/v1/reception/offices/{officeId}/rota/{date}")
    @ResponseStatus(HttpStatus.CREATED)
    RotaView create(@PathVariable String officeId, @PathVariable LocalDate date, @Valid @RequestBody RotaOrder body,
            Caller caller) {
        SalesOffice office = offices.get(officeId);
        SalesAccess.requireManagerOf(caller, office.departmentId(), "sets the rota");
        Rota rota = rotas.create(office, date, body.order(), caller.id());
        if (body.next() != null) {
            rota = rotas.change(officeId, date, r -> {
                r.reorder(body.order(), body.next(), caller.id());
                return r;
            });
        }
        return view(rota);
    }

    @PutMapping("/api/v1/reception/offices/{officeId}/rota/{date}/order")
    RotaView reorder(@PathVariable String officeId, @PathVariable LocalDate date, @Valid @RequestBody RotaOrder body,
            Caller caller) {
        SalesOffice office = offices.get(officeId);
        SalesAccess.requireManagerOf(caller, office.departmentId(), "changes the order of the rota (SA-1)");
        return view(rotas.change(officeId, date, r -> {
            r.reorder(body.order(), body.next(), caller.id());
            return r;
        }));
    }

    @PutMapping("/api/v1/reception/offices/{officeId}/rota/{date}/reps/{repId}/state")
    RotaView mark(@PathVariable String officeId, @PathVariable LocalDate date, @PathVariable String repId,
            @Valid @RequestBody Absence body, Caller caller) {
        SalesOffice office = offices.get(officeId);
        SalesAccess.requireManagerOf(caller, office.departmentId(), "records absences on the rota (SA-2)");
        return view(rotas.change(officeId, date, r -> {
            r.mark(repId, body.state());
            return r;
        }));
    }

    @GetMapping("/api/v1/reception/offices/{officeId}/rota/{date}")
    RotaView get(@PathVariable String officeId, @PathVariable LocalDate date, Caller caller) {
        SalesOffice office = offices.get(officeId);
        Forbidden.unless(SalesAccess.isSalesOf(caller, office.departmentId()) || SalesAccess.readsOffice(caller, office.departmentId()),
                "Only the office's staff read its rota");
        return view(rotas.get(officeId, date));
    }

    static RotaView view(Rota rota) {
        return new RotaView(rota.officeId(), rota.date(), rota.next().orElse(null), rota.standby().orElse(null),
                rota.slots().stream().map(s -> new SlotView(s.repId(), s.state(), s.priority(), s.owed(), s.turnsTaken(),
                        s.turnsLost(), s.notCounted())).toList(), rota.turns(), rota.getVersion());
    }
}
