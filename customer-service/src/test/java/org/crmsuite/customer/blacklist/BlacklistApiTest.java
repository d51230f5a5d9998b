package org.crmsuite.customer.blacklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.crmsuite.customer.jobs.CustomerMaintenance;
import org.crmsuite.customer.profile.Customer;
import org.crmsuite.customer.profile.CustomerStatus;
import org.crmsuite.customer.profile.Grade;
import org.crmsuite.customer.profile.Values.DocumentType;
import org.crmsuite.customer.profile.Values.QualificationDocument;
import org.crmsuite.customer.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Blacklist (CU-7), document expiry (CU-8) and the business-status answer other services ask for (with CU-9's
 * priority), on a fixed clock.
 */
class BlacklistApiTest extends ApiTest {

    @Autowired
    CustomerMaintenance maintenance;

    @Test
    void aDepartmentEntryBarsOnlyThatDepartmentAndACompanyEntryBarsAll_CU7() throws Exception {
        Customer c = seed(EAST, "demo-sales-1", Grade.QUALIFIED);
        POST("/api/v1/blacklist", managerEast(), Map.of("customerId", c.getId(), "scope", "DEPARTMENT",
                "reason", "ECONOMIC_LOSS_OR_REPUTATION_DAMAGE", "note", "unpaid deliveries"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.departmentId").value(EAST))
                .andExpect(jsonPath("$.expiresAt").value("2026-09-02T02:00:00Z"));
        GET("/api/v1/customers/" + c.getId() + "/business-status?department=" + EAST, TestTokensService.service())
                .andExpect(jsonPath("$.allowed").value(false)).andExpect(jsonPath("$.reason").value("blacklisted"))
                .andExpect(jsonPath("$.blacklistScope").value("DEPARTMENT"));
        GET("/api/v1/customers/" + c.getId() + "/business-status?department=" + SERVICE_DEPT, agent())
                .andExpect(jsonPath("$.allowed").value(true));

        POST("/api/v1/blacklist", managerEast(), Map.of("customerId", c.getId(), "scope", "COMPANY",
                "reason", "LEGAL_VIOLATION_UNDER_INVESTIGATION")).andExpect(status().isForbidden());
        POST("/api/v1/blacklist", director(), Map.of("customerId", c.getId(), "scope", "COMPANY",
                "reason", "LEGAL_VIOLATION_UNDER_INVESTIGATION", "expiresOn", "2026-06-30")).andExpect(status().isCreated());
        GET("/api/v1/customers/" + c.getId() + "/business-status?department=" + SERVICE_DEPT, agent())
                .andExpect(jsonPath("$.allowed").value(false)).andExpect(jsonPath("$.blacklistScope").value("COMPANY"));
        assertThat(outboxTypes(c.getId())).containsExactly("crm.customer.created.v1", "crm.customer.blacklisted.v1",
                "crm.customer.blacklisted.v1");
        GET("/api/v1/blacklist?active=true&departmentId=" + SERVICE_DEPT, agent()).andExpect(jsonPath("$.totalItems").value(1));
    }

    @Test
    void expiryIsAtMostSixMonthsAndTheReasonIsOneOfThree_CU7() throws Exception {
        Customer c = seed(EAST, "demo-sales-1", Grade.QUALIFIED);
        POST("/api/v1/blacklist", managerEast(), Map.of("customerId", c.getId(), "scope", "DEPARTMENT",
                "reason", "FALSE_INFORMATION_OR_FRAUD", "expiresOn", "2026-12-31"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("expiresOn"));
        POST("/api/v1/blacklist", managerEast(), Map.of("customerId", c.getId(), "scope", "DEPARTMENT", "reason", "DISLIKED"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("request.malformed"))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        POST("/api/v1/blacklist", managerEast(), Map.of("customerId", "nope", "scope", "DEPARTMENT",
                "reason", "FALSE_INFORMATION_OR_FRAUD")).andExpect(status().isNotFound());
    }

    @Test
    void anExpiredEntryEndsByTheJobAndTheCustomerReturnsOnlyAsQualified_CU7() throws Exception {
        seedMany(EAST, "demo-sales-1", Grade.QUALIFIED, 9);
        Customer vip = seed(EAST, "demo-sales-1", Grade.VIP);
        String entryId = body(POST("/api/v1/blacklist", managerEast(), Map.of("customerId", vip.getId(), "scope", "DEPARTMENT",
                "reason", "FALSE_INFORMATION_OR_FRAUD", "expiresOn", "2026-04-01")).andExpect(status().isCreated()))
                .get("entryId").asString();
        PUT("/api/v1/customers/" + seed(EAST, "demo-sales-1", Grade.QUALIFIED).getId() + "/grade", managerEast(),
                Map.of("grade", "PREFERRED", "reason", "r")).andExpect(status().isOk());

        clock.set(Instant.parse("2026-03-31T15:59:59Z"));
        assertThat(maintenance.runOnce().blacklistEntriesExpired()).isZero();
        clock.set(Instant.parse("2026-03-31T16:00:00Z")); // 1 April 00:00 in Shanghai
        assertThat(maintenance.runOnce().blacklistEntriesExpired()).isEqualTo(1);
        assertThat(maintenance.runOnce().blacklistEntriesExpired()).isZero();

        Customer after = customers.get(vip.getId());
        assertThat(after.getGrade()).isEqualTo(Grade.QUALIFIED);
        assertThat(after.blacklistEntry(entryId).orElseThrow().state().name()).isEqualTo("EXPIRED");
        List<Document> events = outbox("customers", vip.getId());
        assertThat(events).extracting(e -> e.getString("type")).containsSubsequence("crm.customer.blacklisted.v1",
                "crm.customer.blacklist-lifted.v1", "crm.customer.grade-changed.v1");
        assertThat(events.get(events.size() - 2).get("data", Document.class).getString("cause")).isEqualTo("EXPIRED");
        assertThat(events.get(events.size() - 1).get("data", Document.class).getString("reason")).startsWith("CU-7");
    }

    @Test
    void noPromotionWhileBlacklistedAndLiftingReadmitsAsQualified_CU7() throws Exception {
        seedMany(EAST, "demo-sales-1", Grade.QUALIFIED, 9);
        Customer c = seed(EAST, "demo-sales-1", Grade.PREFERRED);
        String entryId = body(POST("/api/v1/blacklist", managerEast(), Map.of("customerId", c.getId(), "scope", "DEPARTMENT",
                "reason", "ECONOMIC_LOSS_OR_REPUTATION_DAMAGE"))).get("entryId").asString();
        PUT("/api/v1/customers/" + c.getId() + "/grade", managerEast(), Map.of("grade", "VIP", "reason", "r"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("customer.blacklisted"));
        POST("/api/v1/blacklist/" + entryId + "/lift", sales("demo-sales-1"), Map.of("reason", "paid")).andExpect(status().isForbidden());
        POST("/api/v1/blacklist/" + entryId + "/lift", managerEast(), Map.of("reason", "debt settled"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("LIFTED"))
                .andExpect(jsonPath("$.endedBy").value("demo-manager-east"));
        assertThat(customers.get(c.getId()).getGrade()).isEqualTo(Grade.QUALIFIED);
        POST("/api/v1/blacklist/" + entryId + "/lift", managerEast(), Map.of("reason", "again")).andExpect(status().isConflict());
        GET("/api/v1/blacklist/" + entryId, agent()).andExpect(jsonPath("$.endReason").value("debt settled"));
        GET("/api/v1/customers/" + c.getId() + "/business-status", agent()).andExpect(jsonPath("$.allowed").value(true));
    }

    @Test
    void anExpiredDocumentSuspendsBusinessUntilRenewed_CU8() throws Exception {
        Customer c = seed(EAST, "demo-sales-1", Grade.QUALIFIED, "恒信化工", "91320000DOC0000001", List.of(
                new QualificationDocument(DocumentType.BUSINESS_LICENCE, "BL-1", LocalDate.of(2027, 1, 1)),
                new QualificationDocument(DocumentType.TAX_REGISTRATION, "TR-1", LocalDate.of(2026, 3, 5))));
        assertThat(maintenance.runOnce().customersSuspended()).isZero();
        clock.advance(Duration.ofDays(4)); // 6 March: the tax registration expired yesterday
        GET("/api/v1/customers/" + c.getId() + "/business-status", agent()).andExpect(jsonPath("$.allowed").value(false))
                .andExpect(jsonPath("$.reason").value("suspended"))
                .andExpect(jsonPath("$.expiredDocuments[0]").value("TAX_REGISTRATION"));
        assertThat(maintenance.runOnce().customersSuspended()).isEqualTo(1);
        assertThat(customers.get(c.getId()).getStatus()).isEqualTo(CustomerStatus.SUSPENDED);

        PUT("/api/v1/customers/" + c.getId() + "/documents/TAX_REGISTRATION", finance(),
                Map.of("number", "TR-2", "expiresOn", "2029-03-05"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[1].expired").value(false));
        assertThat(customers.get(c.getId()).getStatus()).isEqualTo(CustomerStatus.ACTIVE);
        GET("/api/v1/customers/" + c.getId() + "/business-status", agent()).andExpect(jsonPath("$.allowed").value(true));
        assertThat(outboxTypes(c.getId())).containsSubsequence("crm.customer.suspended.v1", "crm.customer.reinstated.v1");
    }

    @Test
    void businessStatusAnswersNameGradeCategoryOwnerAndPriority_CU9() throws Exception {
        Customer c = seed(EAST, "demo-sales-2", Grade.PREFERRED);
        GET("/api/v1/customers/" + c.getId() + "/business-status?department=" + EAST, TestTokensService.service())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allowed").value(true)).andExpect(jsonPath("$.reason").doesNotExist())
                .andExpect(jsonPath("$.name").value(c.getName())).andExpect(jsonPath("$.grade").value("PREFERRED"))
                .andExpect(jsonPath("$.priority").value(2)).andExpect(jsonPath("$.category").value("GENERAL"))
                .andExpect(jsonPath("$.ownerId").value("demo-sales-2")).andExpect(jsonPath("$.departmentId").value(EAST));
        POST("/api/v1/customers/" + c.getId() + "/archive", managerEast(), Map.of("reason", "closed")).andExpect(status().isOk());
        GET("/api/v1/customers/" + c.getId() + "/business-status", agent()).andExpect(jsonPath("$.reason").value("archived"));
        GET("/api/v1/customers/unknown-id/business-status", agent()).andExpect(status().isNotFound());
        GET("/api/v1/customers/" + c.getId() + "/business-status",
                org.crmsuite.testsupport.TestTokens.bearer("partner-demo", null, "PARTNER")).andExpect(status().isForbidden());
    }

    static final class TestTokensService {
        static String service() {
            return org.crmsuite.testsupport.TestTokens.bearer("sales-service", null, "SERVICE");
        }
    }
}
