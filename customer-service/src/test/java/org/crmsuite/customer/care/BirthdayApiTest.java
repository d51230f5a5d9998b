package org.crmsuite.customer.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.crmsuite.customer.support.ApiTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Care data (CU-1): key contacts' birthdays by month-day range across customers, also over the new year. */
class BirthdayApiTest extends ApiTest {

    void customerWithContacts(String name, String registration, List<Map<String, Object>> contacts) throws Exception {
        Map<String, Object> body = customer(name, registration, null);
        body.put("contacts", contacts);
        POST("/api/v1/customers", managerEast(), body).andExpect(status().isCreated());
    }

    @Test
    void keyContactsBirthdaysBetweenTwoMonthDays() throws Exception {
        customerWithContacts("甲公司", "91310000CARE000001", List.of(
                Map.of("name", "甲一", "phone", "13500000001", "birthday", "1980-12-28", "key", true),
                Map.of("name", "甲二", "phone", "13500000002", "birthday", "1981-12-29", "key", false)));
        customerWithContacts("乙公司", "91310000CARE000002", List.of(
                Map.of("name", "乙一", "phone", "13500000003", "birthday", "1975-01-03", "key", true),
                Map.of("name", "乙二", "phone", "13500000004", "birthday", "1990-06-15", "key", true)));

        JsonNode overNewYear = body(GET("/api/v1/customers/birthdays?from=12-20&to=01-10", managerEast()).andExpect(status().isOk()));
        assertThat(overNewYear.get("items").valueStream().map(b -> b.get("contactName").asString() + "@" + b.get("monthDay").asString()))
                .containsExactly("甲一@12-28", "乙一@01-03");
        GET("/api/v1/customers/birthdays?from=12-20&to=01-10&keyOnly=false", managerEast()).andExpect(jsonPath("$.totalItems").value(3));
        GET("/api/v1/customers/birthdays?from=06-01&to=06-30", managerEast()).andExpect(jsonPath("$.items[0].contactName").value("乙二"))
                .andExpect(jsonPath("$.items[0].customerName").value("乙公司"));
        GET("/api/v1/customers/birthdays?from=06-01&to=06-30", managerService()).andExpect(jsonPath("$.totalItems").value(0));
        GET("/api/v1/customers/birthdays?from=13-01&to=06-30", managerEast()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }
}
