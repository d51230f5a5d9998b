package org.crmsuite.customer.profile;

import java.util.List;

import org.crmsuite.customer.profile.Values.LegalRepresentative;

/**
 * The editable core of a profile (CU-1). {@code productLines}: the company's product lines the customer buys, by code
 * (CU-4 counts grade quotas per product line as well as per department); trimmed, without repeats, in order.
 */
public record ProfileDetails(String name, String registrationNumber, String address, String region, String industry,
        LegalRepresentative legalRepresentative, String businessScope, StrategicValue strategicValue, String organisation,
        List<String> decisionChain, List<String> productLines) {

    public ProfileDetails {
        decisionChain = decisionChain == null ? List.of() : List.copyOf(decisionChain);
        productLines = productLines == null ? List.of()
                : productLines.stream().map(String::strip).filter(line -> !line.isEmpty()).distinct().toList();
    }

    /** A profile without product lines (admission applicants, demo data written before product lines). */
    public ProfileDetails(String name, String registrationNumber, String address, String region, String industry,
            LegalRepresentative legalRepresentative, String businessScope, StrategicValue strategicValue,
            String organisation, List<String> decisionChain) {
        this(name, registrationNumber, address, region, industry, legalRepresentative, businessScope, strategicValue,
                organisation, decisionChain, List.of());
    }
}
