package org.crmsuite.sales.staff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.crmsuite.sales.deposits.Deposit;
import org.crmsuite.sales.deposits.Deposits;
import org.crmsuite.sales.office.Offices;
import org.crmsuite.sales.office.SalesOffice;
import org.crmsuite.sales.registration.Registration;
import org.crmsuite.sales.registration.Registrations;
import org.crmsuite.sales.rota.Rotas;
import org.springframework.stereotype.Service;

/**
 * SA-8: a leaving rep's open customers — those they own in the register within the validity window, and the buyers of
 * their deals not yet contracted — are dealt evenly (round-robin, oldest customer first, so counts differ by at most
 * one) to the remaining reps; each new owner is told and owes a return visit within 3 business days (the
 * {@code customer-reassigned} event, for visit-service). The leaver comes off today's and later rotas. Running it again
 * finds nothing left to move.
 */
@Service
public class Departures {

    private final Offices offices;
    private final Registrations registrations;
    private final Deposits deposits;
    private final Rotas rotas;

    Departures(Offices offices, Registrations registrations, Deposits deposits, Rotas rotas) {
        this.offices = offices;
        this.registrations = registrations;
        this.deposits = deposits;
        this.rotas = rotas;
    }

    public record Redistribution(String leaverId, String departmentId, int customers, int deals, Map<String, Integer> perRep) {
    }

    public Redistribution redistribute(String leaverId, String departmentId, List<String> remainingReps) {
        List<String> reps = new ArrayList<>(new LinkedHashSet<>(remainingReps));
        reps.remove(leaverId);
        List<String> officeIds = offices.ofDepartment(departmentId).stream().map(SalesOffice::id).toList();
        rotas.takeOffFrom(leaverId, offices.today());
        Map<String, Integer> perRep = new TreeMap<>();
        reps.forEach(r -> perRep.put(r, 0));
        if (reps.isEmpty() || officeIds.isEmpty()) {
            return new Redistribution(leaverId, departmentId, 0, 0, perRep);
        }
        List<Registration> owned = registrations.ownedBy(leaverId, officeIds);
        List<Deposit> openDeals = deposits.openOf(leaverId, officeIds);
        Set<String> movedBuyers = new HashSet<>();
        int next = 0;
        int deals = 0;
        for (Registration customer : owned) {
            String to = reps.get(next++ % reps.size());
            registrations.reassign(customer, to, Registration.Origin.DEPARTURE, "SA-8: " + leaverId + " left", "system");
            perRep.merge(to, 1, Integer::sum);
            String buyer = customer.officeId() + "|" + customer.phone();
            movedBuyers.add(buyer);
            for (Deposit deal : openDeals) {
                if (buyer.equals(deal.officeId() + "|" + deal.buyerPhone())) {
                    deposits.reassign(deal.getId(), leaverId, to, "SA-8: " + leaverId + " left");
                    deals++;
                }
            }
        }
        int customers = owned.size();
        for (Deposit deal : openDeals) {
            if (!movedBuyers.contains(deal.officeId() + "|" + deal.buyerPhone())) {
                String to = reps.get(next++ % reps.size());
                deposits.reassign(deal.getId(), leaverId, to, "SA-8: " + leaverId + " left");
                perRep.merge(to, 1, Integer::sum);
                movedBuyers.add(deal.officeId() + "|" + deal.buyerPhone());
                customers++;
                deals++;
            }
        }
        return new Redistribution(leaverId, departmentId, customers, deals, perRep);
    }
}
