package org.crmsuite.customer.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.crmsuite.customer.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Confidentiality (CU-3): personal data masked by role and department, unmasked reads from outside the owning
 * department audited, consents recorded, and an administrator's export and erasure of one contact.
 */
class ConfidentialityApiTest extends ApiTest {

    String id;

    @BeforeEach
    void customerOwnedBySales1() throws Exception {
        id = body(POST("/api/v1/customers", sales("demo-sales-1"), customer("宁波海通石油化工有限公司", "91330200MA1X000001", "13812345678"))
                .andExpect(status().isCreated())).get("id").asString();
    }

    JsonNode contact(String token) throws Exception {
        return body(GET("/api/v1/customers/" + id, token).andExpect(status().isOk())).get("contacts").get(0);
    }

    @Test
    void personalDataIsMaskedByRoleAndDepartment_CU3() throws Exception {
        assertThat(contact(sales("demo-sales-1")).get("phone").asString()).isEqualTo("13812345678");
        JsonNode colleague = contact(sales("demo-sales-2"));
        assertThat(colleague.get("phone").asString()).isEqualTo("138****5678");
        assertThat(colleague.get("email").asString()).isEqualTo("z***@example.com");
        assertThat(colleague.get("idNumber").asString()).isEqualTo("3101**********1234");
        assertThat(colleague.get("birthday").isNull()).isTrue();
        assertThat(contact(agent()).get("phone").asString()).isEqualTo("138****5678");
        assertThat(contact(finance()).get("phone").asString()).isEqualTo("138****5678");
        assertThat(contact(managerEast()).get("phone").asString()).isEqualTo("13812345678");
        assertThat(contact(director()).get("phone").asString()).isEqualTo("13812345678");
        GET("/api/v1/customers/" + id, managerService()).andExpect(status().isForbidden());
        GET("/api/v1/customers/" + id, org.crmsuite.testsupport.TestTokens.bearer("north-1", "dept-north", "SALES"))
                .andExpect(status().isForbidden());
        GET("/api/v1/customers/" + id + "/history", sales("demo-sales-2")).andExpect(status().isForbidden());
        GET("/api/v1/customers/" + id + "/contacts", sales("demo-sales-2")).andExpect(jsonPath("$[0].phone").value("138****5678"));
    }

    @Test
    void unmaskedReadsFromOutsideTheOwningDepartmentAreAudited_CU3() throws Exception {
        GET("/api/v1/customers/" + id, sales("demo-sales-1"));
        GET("/api/v1/customers/" + id, managerEast());
        GET("/api/v1/customers/" + id, agent());
        GET("/api/v1/customers/" + id, director()).andExpect(jsonPath("$.masked").value(false));
        GET("/api/v1/customers/" + id + "/history", gm());

        JsonNode audit = body(GET("/api/v1/customers/audit", managerEast()).andExpect(status().isOk()));
        assertThat(audit.get("totalItems").asInt()).isEqualTo(2);
        assertThat(audit.get("items").valueStream().map(e -> e.get("readerId").asString() + ":" + e.get("what").asString()))
                .containsExactly("demo-gm:HISTORY", "demo-director:PROFILE");
        JsonNode entry = audit.get("items").get(1);
        assertThat(entry.get("customerId").asString()).isEqualTo(id);
        assertThat(entry.get("customerDepartmentId").asString()).isEqualTo(EAST);
        assertThat(entry.get("readerDepartmentId").asString()).isEqualTo(COMPANY);
        assertThat(entry.get("at").asString()).isEqualTo("2026-03-02T02:00:00Z");

        GET("/api/v1/customers/audit", managerService()).andExpect(jsonPath("$.totalItems").value(0));
        GET("/api/v1/customers/audit?departmentId=" + EAST, managerService()).andExpect(status().isForbidden());
        GET("/api/v1/customers/audit?readerId=demo-director", admin()).andExpect(jsonPath("$.totalItems").value(1));
        GET("/api/v1/customers/audit", sales("demo-sales-1")).andExpect(status().isForbidden());
    }

    @Test
    void consentIsRecordedWithScopeDateAndEvidence_CU3() throws Exception {
        POST("/api/v1/customers/" + id + "/consents", sales("demo-sales-1"), Map.of("scope", "share contact with logistics partner",
                "grantedOn", "2026-02-20", "evidence", "signed letter, scan doc-2026-88")).andExpect(status().isCreated());
        GET("/api/v1/customers/" + id + "/consents", managerEast()).andExpect(jsonPath("$[0].scope").value("share contact with logistics partner"))
                .andExpect(jsonPath("$[0].recordedBy").value("demo-sales-1"));
        GET("/api/v1/customers/" + id + "/consents", agent()).andExpect(status().isForbidden());
        POST("/api/v1/customers/" + id + "/consents", sales("demo-sales-1"), Map.of("scope", "x")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("grantedOn", "evidence")));
    }

    @Test
    void anAdministratorExportsAndErasesAContactKeepingTheCounts_CU3() throws Exception {
        String contactId = body(GET("/api/v1/customers/" + id + "/contacts", sales("demo-sales-1"))).get(0).get("id").asString();
        POST("/api/v1/customers/" + id + "/communications", sales("demo-sales-1"),
                Map.of("channel", "PHONE", "summary", "price enquiry", "contactId", contactId)).andExpect(status().isCreated());
        GET("/api/v1/customers/" + id + "/contacts/" + contactId + "/export", director()).andExpect(status().isForbidden());
        JsonNode export = body(GET("/api/v1/customers/" + id + "/contacts/" + contactId + "/export", admin()).andExpect(status().isOk()));
        assertThat(export.get("contact").get("phone").asString()).isEqualTo("13812345678");
        assertThat(export.get("communications")).hasSize(1);
        assertThat(export.get("history").get(0).get("action").asString()).isEqualTo("created");

        POST("/api/v1/customers/" + id + "/contacts/" + contactId + "/erasure", managerEast(), Map.of()).andExpect(status().isForbidden());
        POST("/api/v1/customers/" + id + "/contacts/" + contactId + "/erasure", admin(), Map.of()).andExpect(status().isOk())
                .andExpect(jsonPath("$.erased").value(true)).andExpect(jsonPath("$.phone").doesNotExist());
        String everything = body(GET("/api/v1/customers/" + id + "/history", admin())).toString()
                + body(GET("/api/v1/customers/" + id, admin())).toString();
        assertThat(everything).doesNotContain("13812345678").doesNotContain("zhang.wei@example.com").doesNotContain("310101199001011234");
        GET("/api/v1/customers/" + id + "/contacts", admin()).andExpect(jsonPath("$.length()").value(1));
        GET("/api/v1/customers/" + id + "/communications", admin()).andExpect(jsonPath("$.totalItems").value(1));
        GET("/api/v1/customers?phone=13812345678", admin()).andExpect(jsonPath("$.totalItems").value(0));
        List<String> audited = body(GET("/api/v1/customers/audit?customerId=" + id, admin())).get("items").valueStream()
                .map(e -> e.get("what").asString()).toList();
        assertThat(audited).contains("EXPORT", "HISTORY", "PROFILE", "CONTACTS");
    }
}
