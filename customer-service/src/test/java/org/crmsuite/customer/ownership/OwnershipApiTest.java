package org.crmsuite.customer.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.crmsuite.customer.profile.Customer;
import org.crmsuite.customer.profile.Grade;
import org.crmsuite.customer.support.ApiTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Ownership (CU-10): a leaver's customers go evenly, in random order, to the remaining staff, one event each. */
class OwnershipApiTest extends ApiTest {

    @Test
    void aLeaversCustomersAreRedistributedEvenlyWithOneEventEach_CU10() throws Exception {
        List<Customer> leavers = seedMany(EAST, "demo-sales-3", Grade.QUALIFIED, 10);
        Customer someoneElses = seed(EAST, "demo-sales-1", Grade.QUALIFIED);
        Customer otherDepartment = seed(SERVICE_DEPT, "demo-sales-3", Grade.QUALIFIED);

        JsonNode result = body(POST("/api/v1/customers/ownership/departures", managerEast(),
                Map.of("leavingStaffId", "demo-sales-3", "remainingStaffIds", List.of("demo-sales-1", "demo-sales-2", "demo-sales-4")))
                .andExpect(status().isOk()));
        assertThat(result.get("customers").asInt()).isEqualTo(10);
        assertThat(result.get("perStaff").valueStream().map(JsonNode::asInt).sorted().toList()).containsExactly(3, 3, 4);

        for (Customer c : leavers) {
            Customer now = customers.get(c.getId());
            assertThat(now.getOwnerId()).isIn("demo-sales-1", "demo-sales-2", "demo-sales-4");
            List<Document> owner = outbox("customers", c.getId()).stream()
                    .filter(e -> e.getString("type").equals("crm.customer.owner-changed.v1")).toList();
            assertThat(owner).hasSize(1);
            assertThat(owner.get(0).get("data", Document.class).getString("fromOwnerId")).isEqualTo("demo-sales-3");
            assertThat(owner.get(0).get("data", Document.class).getString("reason")).isEqualTo("DEPARTURE");
        }
        assertThat(customers.get(someoneElses.getId()).getOwnerId()).isEqualTo("demo-sales-1");
        assertThat(customers.get(otherDepartment.getId()).getOwnerId()).isEqualTo("demo-sales-3");

        POST("/api/v1/customers/ownership/departures", managerEast(),
                Map.of("leavingStaffId", "demo-sales-3", "remainingStaffIds", List.of("demo-sales-1")))
                .andExpect(jsonPath("$.customers").value(0));
    }

    @Test
    void theOrderIsRandomButRepeatableWithASeed_CU10() {
        List<String> ids = List.of("a", "b", "c", "d", "e", "f", "g");
        var first = OwnershipRedistribution.deal(ids, List.of("x", "y"), new java.util.Random(7));
        var again = OwnershipRedistribution.deal(ids, List.of("x", "y"), new java.util.Random(7));
        var other = OwnershipRedistribution.deal(ids, List.of("x", "y"), new java.util.Random(8));
        assertThat(first).isEqualTo(again);
        assertThat(List.copyOf(first.keySet())).isNotEqualTo(List.copyOf(other.keySet()));
        assertThat(first.values().stream().filter("x"::equals).count()).isBetween(3L, 4L);
    }

    @Test
    void onlyManagersOfTheDepartmentOrAboveRedistribute_CU10() throws Exception {
        POST("/api/v1/customers/ownership/departures", sales("demo-sales-1"),
                Map.of("leavingStaffId", "demo-sales-3", "remainingStaffIds", List.of("demo-sales-1"))).andExpect(status().isForbidden());
        POST("/api/v1/customers/ownership/departures", managerEast(), Map.of("leavingStaffId", "demo-sales-3",
                "remainingStaffIds", List.of("demo-sales-1"), "departmentId", SERVICE_DEPT)).andExpect(status().isForbidden());
        POST("/api/v1/customers/ownership/departures", managerEast(), Map.of("leavingStaffId", "demo-sales-3",
                "remainingStaffIds", List.of("demo-sales-3"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("remainingStaffIds"));
        POST("/api/v1/customers/ownership/departures", managerEast(), Map.of("leavingStaffId", "demo-sales-3",
                "remainingStaffIds", List.of())).andExpect(status().isBadRequest());
        Customer c = seed(EAST, "demo-sales-1", Grade.QUALIFIED);
        PUT("/api/v1/customers/" + c.getId() + "/owner", managerEast(), Map.of("ownerId", "demo-sales-2", "reason", "territory change"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ownerId").value("demo-sales-2"));
    }
}
