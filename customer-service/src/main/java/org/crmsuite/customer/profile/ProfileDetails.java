package org.crmsuite.customer.profile;

import java.util.List;

import org.crmsuite.customer.profile.Values.LegalRepresentative;

/** The editable core of a profile (CU-1). */
public record ProfileDetails(String name, String registrationNumber, String address, String region, String industry,
        LegalRepresentative legalRepresentative, String businessScope, StrategicValue strategicValue, String organisation,
        List<String> decisionChain) {

    public ProfileDetails {
        decisionChain = decisionChain == null ? List.of() : List.copyOf(decisionChain);
    }
}
