package org.crmsuite.customer.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.crmsuite.customer.profile.Customer;
import org.crmsuite.customer.profile.Grade;
import org.crmsuite.customer.support.ApiTest;
import org.junit.jupiter.api.Test;

/** Admission (CU-5): basic conditions, the sales → finance → GM chain with role checks, and what approval creates. */
class AdmissionApiTest extends ApiTest {

    static Map<String, Object> application(String registration, String licenceExpiry) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "上海新锐科技有限公司");
        body.put("registrationNumber", registration);
        body.put("address", "上海市浦东新区示例路 88 号");
        body.put("contacts", List.of(Map.of("name", "王芳", "phone", "13900009999", "key", true)));
        body.put("documents", List.of(Map.of("type", "BUSINESS_LICENCE", "number", "BL-001", "expiresOn", licenceExpiry),
                Map.of("type", "TAX_REGISTRATION", "number", "TR-001", "expiresOn", "2027-12-31")));
        body.put("invoicing", Map.of("bank", "中国银行上海分行", "account", "6222000000000001", "phone", "021-55550000"));
        return body;
    }

    String submit(String registration) throws Exception {
        return body(POST("/api/v1/admissions", sales("demo-sales-1"), application(registration, "2028-06-30"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PENDING_SALES"))
                .andExpect(jsonPath("$.departmentId").value(EAST))).get("id").asString();
    }

    String decide(String id, String token, String decision, int expected) throws Exception {
        return body(POST("/api/v1/admissions/" + id + "/decisions", token, Map.of("decision", decision, "reason", "checked"))
                .andExpect(status().is(expected))).toString();
    }

    @Test
    void approvalBySalesFinanceAndGmInTurnCreatesAQualifiedCustomer_CU5() throws Exception {
        String id = submit("91310000ADM0000001");
        decide(id, sales("demo-sales-2"), "APPROVE", 200);
        POST("/api/v1/admissions/" + id + "/decisions", gm(), Map.of("decision", "APPROVE", "reason", "ok"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.expectedRole").value("FINANCE"))
                .andExpect(jsonPath("$.pendingStep").value("FINANCE"));
        decide(id, finance(), "APPROVE", 200);
        POST("/api/v1/admissions/" + id + "/decisions", gm(), Map.of("decision", "APPROVE", "reason", "welcome"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.decisions.length()").value(3))
                .andExpect(jsonPath("$.decisions[2].decidedBy").value("demo-gm"));
        String customerId = body(GET("/api/v1/admissions/" + id, finance())).get("customerId").asString();
        Customer customer = customers.get(customerId);
        assertThat(customer.getGrade()).isEqualTo(Grade.QUALIFIED);
        assertThat(customer.getOwnerId()).isEqualTo("demo-sales-1");
        assertThat(customer.getDocuments()).hasSize(2);
        assertThat(outboxTypes(customerId)).containsExactly("crm.customer.created.v1");
        List<Document> decided = outbox("admissions", id);
        assertThat(decided).extracting(d -> d.getString("type")).containsExactly("crm.admission.decided.v1");
        assertThat(decided.get(0).getString("routingKey")).isEqualTo("customer.admission.decided");
        assertThat(decided.get(0).get("data", Document.class).getBoolean("approved")).isTrue();
        assertThat(decided.get(0).get("data", Document.class).getString("customerId")).isEqualTo(customerId);
        decide(id, gm(), "APPROVE", 409);
    }

    @Test
    void eachStepOnlyByItsRole_CU5() throws Exception {
        String id = submit("91310000ADM0000002");
        POST("/api/v1/admissions/" + id + "/decisions", finance(), Map.of("decision", "APPROVE", "reason", "x"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.expectedRole").value("SALES"));
        decide(id, gm(), "APPROVE", 403);
        decide(id, managerEast(), "APPROVE", 403);
        decide(id, TestSales.otherDepartment(), "APPROVE", 403);
        decide(id, sales("demo-sales-2"), "APPROVE", 200);
        decide(id, sales("demo-sales-2"), "APPROVE", 403);
        POST("/api/v1/admissions/" + id + "/decisions", finance(), Map.of("decision", "APPROVE"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
    }

    @Test
    void rejectionKeepsTheApplicationWithItsReason_CU5() throws Exception {
        String id = submit("91310000ADM0000003");
        decide(id, sales("demo-sales-1"), "APPROVE", 200);
        POST("/api/v1/admissions/" + id + "/decisions", finance(),
                Map.of("decision", "REJECT", "reason", "bank account does not match the licence holder"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"));
        GET("/api/v1/admissions/" + id, gm()).andExpect(jsonPath("$.decisions[1].step").value("FINANCE"))
                .andExpect(jsonPath("$.decisions[1].approved").value(false))
                .andExpect(jsonPath("$.decisions[1].reason").value("bank account does not match the licence holder"));
        assertThat(customers.byRegistrationNumber("91310000ADM0000003")).isEmpty();
        assertThat(outbox("admissions", id).get(0).get("data", Document.class).getList("reasons", String.class))
                .containsExactly("bank account does not match the licence holder");
        GET("/api/v1/admissions?status=REJECTED", finance()).andExpect(jsonPath("$.totalItems").value(1));
    }

    @Test
    void anApplicantWithAnExpiredDocumentIsRejectedOnSubmission_CU5() throws Exception {
        POST("/api/v1/admissions", sales("demo-sales-1"), application("91310000ADM0000004", "2026-03-01"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.decisions[0].step").value("BASIC_CONDITIONS"))
                .andExpect(jsonPath("$.decisions[0].reason").value(org.hamcrest.Matchers.containsString("expired on 2026-03-01")));
        Map<String, Object> invalid = application("91310000ADM0000005", "2028-01-01");
        invalid.remove("documents");
        invalid.remove("invoicing");
        POST("/api/v1/admissions", sales("demo-sales-1"), invalid).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("documents", "invoicing")));
        POST("/api/v1/admissions", agent(), application("91310000ADM0000006", "2028-01-01")).andExpect(status().isForbidden());
    }

    @Test
    void aBlacklistedCustomerCannotApplyAndAnExistingOneIsADuplicate_CU5_CU7() throws Exception {
        Customer listed = seed(EAST, "demo-sales-1", Grade.QUALIFIED, "黑名单公司", "91310000ADM0000007", List.of());
        POST("/api/v1/blacklist", managerEast(), Map.of("customerId", listed.getId(), "scope", "DEPARTMENT",
                "reason", "FALSE_INFORMATION_OR_FRAUD")).andExpect(status().isCreated());
        POST("/api/v1/admissions", sales("demo-sales-1"), application("91310000ADM0000007", "2028-01-01"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.decisions[0].reason").value(org.hamcrest.Matchers.containsString("CU-7")));
        seed(EAST, "demo-sales-1", Grade.QUALIFIED, "现有客户", "91310000ADM0000008", List.of());
        POST("/api/v1/admissions", sales("demo-sales-1"), application("91310000ADM0000008", "2028-01-01"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("customer.duplicate-registration"));
    }

    static final class TestSales {
        static String otherDepartment() {
            return org.crmsuite.testsupport.TestTokens.bearer("north-sales-1", "dept-north-sales", "SALES");
        }
    }
}
