package org.crmsuite.customer.ownership;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * CU-10 Ownership (客户经理制): when staff leave, their customers are redistributed evenly, in random order, among the
 * remaining staff of the department. The customers are shuffled and dealt out one by one to the remaining staff (also
 * in shuffled order), so every remaining person gets ⌊n/k⌋ or ⌈n/k⌉ of them and nobody can predict who gets which.
 */
public final class OwnershipRedistribution {

    private OwnershipRedistribution() {
    }

    /** Customer id → new owner id, in the order the customers were dealt. */
    public static Map<String, String> deal(List<String> customerIds, List<String> remainingStaff, Random random) {
        if (remainingStaff.isEmpty()) {
            throw new IllegalArgumentException("nobody remains to take the customers over");
        }
        List<String> customers = new ArrayList<>(customerIds);
        Collections.sort(customers);
        Collections.shuffle(customers, random);
        List<String> staff = new ArrayList<>(remainingStaff);
        Collections.shuffle(staff, random);
        Map<String, String> assignment = new LinkedHashMap<>();
        for (int i = 0; i < customers.size(); i++) {
            assignment.put(customers.get(i), staff.get(i % staff.size()));
        }
        return assignment;
    }
}
