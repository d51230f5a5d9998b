package org.crmsuite.customer.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crmsuite.customer.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

/** Profiles over HTTP: CU-1 content and sub-resources, CU-2 history and staleness, CU-11 duplicates. */
class ProfileApiTest extends ApiTest {

    static final String SALES1 = "demo-sales-1";

    String create(Map<String, Object> body) throws Exception {
        return body(POST("/api/v1/customers", sales(SALES1), body).andExpect(status().isCreated())).get("id").asString();
    }

    @Test
    void salesRepCreatesACustomerTheyOwnInTheirDepartment_CU1() throws Exception {
        POST("/api/v1/customers", sales(SALES1), customer("上海宏达建设集团有限公司", "91310000MA1FL00001", "13812345678"))
                .andExpect(status().isCreated())
                .andExpect(header().string(HttpHeaders.LOCATION, containsString("/api/v1/customers/")))
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(jsonPath("$.ownerId").value(SALES1))
                .andExpect(jsonPath("$.departmentId").value(EAST))
                .andExpect(jsonPath("$.grade").value("QUALIFIED"))
                .andExpect(jsonPath("$.tier").value("NEW"))
                .andExpect(jsonPath("$.contacts[0].phone").value("13812345678"))
                .andExpect(jsonPath("$.masked").value(false));
    }

    @Test
    void invalidBodyNamesEveryField() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "");
        body.put("registrationNumber", "$$");
        body.put("contacts", List.of(Map.of("name", "x", "email", "not-an-email", "phone", "abc")));
        JsonNode problem = body(POST("/api/v1/customers", sales(SALES1), body).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.invalid")));
        List<String> fields = problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(fields).contains("name", "registrationNumber", "contacts[0].email", "contacts[0].phone");
    }

    @Test
    void anOperatorObjectWhereTextBelongsIsMalformed() throws Exception {
        POST("/api/v1/customers", sales(SALES1), "{\"name\": {\"$gt\": \"\"}, \"registrationNumber\": \"91310000MA1FL00009\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.malformed"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void unknownCustomerIs404() throws Exception {
        GET("/api/v1/customers/000000000000000000000000", director()).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("customer.not-found"));
    }

    @Test
    void registrationNumberIsUniquePerTenant_CU11() throws Exception {
        String first = create(customer("杭州绿源物业管理有限公司", "91330100MA2B000001", "13900000001"));
        POST("/api/v1/customers", sales("demo-sales-2"), customer("完全不同的名字公司", "91330100ma2b000001", null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("customer.duplicate-registration"))
                .andExpect(jsonPath("$.existingCustomerId").value(first));
    }

    @Test
    void samePhoneOrSimilarNameIsFlaggedAndSavedOnlyWhenConfirmed_CU11() throws Exception {
        String original = create(customer("Acme Trading Co., Ltd.", "91310000ACME000001", "13811112222"));
        // same phone, different name
        POST("/api/v1/customers", sales(SALES1), customer("Zenith Holdings", "91310000ZEN0000001", "138-1111 2222"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("customer.possible-duplicate"))
                .andExpect(jsonPath("$.candidates[0].customerId").value(original))
                .andExpect(jsonPath("$.candidates[0].matchedOn", hasItem("PHONE")));
        // very similar name (legal form and punctuation aside), different phone
        POST("/api/v1/customers", sales(SALES1), customer("ACME Trading Limited", "91310000ACME000002", "13999998888"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.candidates[0].matchedOn", hasItem("NAME")));
        Map<String, Object> confirmed = customer("ACME Trading Limited", "91310000ACME000002", "13999998888");
        confirmed.put("confirmDuplicate", true);
        POST("/api/v1/customers", sales(SALES1), confirmed).andExpect(status().isCreated());
    }

    @Test
    void repeatedCreationWithTheSameIdempotencyKeyReturnsTheFirstCustomer() throws Exception {
        var request = post("/api/v1/customers").header(HttpHeaders.AUTHORIZATION, sales(SALES1))
                .header("Idempotency-Key", "k-1").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(customer("南京华远置业有限公司", "91320100MA1X000001", "13700000001")));
        String first = body(mvc.perform(request).andExpect(status().isCreated())).get("id").asString();
        JsonNode again = body(mvc.perform(request).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true")));
        assertThat(again.get("id").asString()).isEqualTo(first);
    }

    @Test
    void everyChangeIsKeptWithWhoWhenAndOldToNew_CU2() throws Exception {
        String id = create(customer("苏州精工医疗器械有限公司", "91320500MA1X000001", "13700000002"));
        clock.advance(Duration.ofHours(2));
        Map<String, Object> update = customer("苏州精工医疗器械股份有限公司", "91320500MA1X000001", null);
        update.put("address", "苏州工业园区星湖街 328 号");
        update.put("version", 0);
        update.put("reason", "company change registered");
        PUT("/api/v1/customers/" + id, sales(SALES1), update).andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""));

        JsonNode history = body(GET("/api/v1/customers/" + id + "/history", managerEast()).andExpect(status().isOk()));
        JsonNode latest = history.get("changes").get(0);
        assertThat(latest.get("by").asString()).isEqualTo(SALES1);
        assertThat(latest.get("at").asString()).isEqualTo("2026-03-02T04:00:00Z");
        assertThat(latest.get("reason").asString()).isEqualTo("company change registered");
        assertThat(latest.get("fields").valueStream().map(f -> f.get("field").asString() + ":" + f.get("from").asString()
                + "->" + f.get("to").asString()))
                .contains("name:苏州精工医疗器械有限公司->苏州精工医疗器械股份有限公司",
                        "address:上海市浦东新区世纪大道 1 号->苏州工业园区星湖街 328 号");
        assertThat(history.get("changes").get(1).get("action").asString()).isEqualTo("created");
        assertThat(outboxTypes(id)).containsExactly("crm.customer.created.v1", "crm.customer.updated.v1");
    }

    @Test
    void aMajorChangeRecordedAfter24HoursIsFlaggedLate_CU2() throws Exception {
        String id = create(customer("无锡盛世房地产开发有限公司", "91320200MA1X000001", "13700000003"));
        Map<String, Object> update = customer("无锡盛世置业有限公司", "91320200MA1X000001", null);
        update.put("version", 0);
        update.put("occurredAt", clock.instant().minus(Duration.ofHours(30)).toString());
        PUT("/api/v1/customers/" + id, managerEast(), update).andExpect(status().isOk());
        JsonNode latest = body(GET("/api/v1/customers/" + id + "/history", managerEast())).get("changes").get(0);
        assertThat(latest.get("recordedLate").asBoolean()).isTrue();
    }

    @Test
    void staleVersionOrIfMatchIs409AndMissingVersionIs400() throws Exception {
        String id = create(customer("合肥安泰建筑工程有限公司", "91340100MA1X000001", "13700000004"));
        Map<String, Object> update = customer("合肥安泰建筑工程有限公司", "91340100MA1X000001", null);
        update.put("region", "华东");
        mvc.perform(put("/api/v1/customers/" + id).header(HttpHeaders.AUTHORIZATION, sales(SALES1)).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(update))).andExpect(status().isOk());
        update.put("region", "华南");
        update.put("version", 0);
        PUT("/api/v1/customers/" + id, sales(SALES1), update).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("concurrency.stale-version"));
        update.remove("version");
        PUT("/api/v1/customers/" + id, sales(SALES1), update).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("version"));
    }

    @Test
    void onlyTheOwnerTheManagerOrAboveEditTheProfile() throws Exception {
        String id = create(customer("常州天和加盟连锁有限公司", "91320400MA1X000001", "13700000005"));
        Map<String, Object> update = customer("常州天和加盟连锁有限公司", "91320400MA1X000001", null);
        update.put("version", 0);
        PUT("/api/v1/customers/" + id, sales("demo-sales-2"), update).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("access.denied"));
        PUT("/api/v1/customers/" + id, agent(), update).andExpect(status().isForbidden());
    }

    @Test
    void contactsProjectsAndTimelineAreSubResources_CU1() throws Exception {
        String id = create(customer("扬州金帆贸易有限公司", "91321000MA1X000001", "13700000006"));
        String contactId = body(POST("/api/v1/customers/" + id + "/contacts", sales(SALES1),
                Map.of("name", "李娜", "title", "财务总监", "phone", "13600001111", "birthday", "1980-01-05", "key", true))
                .andExpect(status().isCreated())).get("id").asString();
        PUT("/api/v1/customers/" + id + "/contacts/" + contactId, sales(SALES1),
                Map.of("name", "李娜", "title", "副总经理", "phone", "13600001111")).andExpect(status().isOk());
        GET("/api/v1/customers/" + id + "/contacts", sales(SALES1)).andExpect(jsonPath("$", hasSize(2)));

        String projectId = body(POST("/api/v1/customers/" + id + "/projects", sales(SALES1),
                Map.of("name", "扬州港仓储中心", "location", "扬州", "scale", "12,000 m²",
                        "budget", Map.of("amount", "35000000.00", "currency", "CNY"), "schedule", "2026 Q4 完工"))
                .andExpect(status().isCreated())).get("id").asString();
        GET("/api/v1/customers/" + id + "/projects", sales(SALES1)).andExpect(jsonPath("$[0].id").value(projectId))
                .andExpect(jsonPath("$[0].budget.amount").value("35000000.00"));

        POST("/api/v1/customers/" + id + "/communications", agent(),
                Map.of("channel", "PHONE", "summary", "询问交货期", "contactId", contactId)).andExpect(status().isCreated());
        GET("/api/v1/customers/" + id + "/communications", sales(SALES1)).andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].staffId").value("demo-agent-1"));
        POST("/api/v1/customers/" + id + "/cooperations", finance(), Map.of("contractNumber", "HT-2026-001",
                "amount", Map.of("amount", "1200000.00", "currency", "CNY"), "signedOn", "2026-01-15"))
                .andExpect(status().isCreated());
        GET("/api/v1/customers/" + id + "/cooperations", managerEast()).andExpect(jsonPath("$.items[0].contractNumber").value("HT-2026-001"));

        JsonNode history = body(GET("/api/v1/customers/" + id + "/history", sales(SALES1)));
        assertThat(history.get("changes").valueStream().map(c -> c.get("action").asString()))
                .contains("contact-added", "contact-changed", "project-added");
    }

    @Test
    void profilesNotVerifiedWithinThePeriodAreReportedStale_CU2() throws Exception {
        String old = create(customer("镇江华兴建材有限公司", "91321100MA1X000001", "13700000007"));
        clock.advance(Duration.ofDays(100));
        String fresh = create(customer("徐州众诚物流有限公司", "91320300MA1X000001", "13700000008"));
        clock.advance(Duration.ofDays(90));
        GET("/api/v1/customers/stale", managerEast()).andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1)).andExpect(jsonPath("$.items[0].id").value(old));
        POST("/api/v1/customers/" + old + "/verification", sales(SALES1), Map.of()).andExpect(status().isOk());
        GET("/api/v1/customers/stale", managerEast()).andExpect(jsonPath("$.totalItems").value(0));
        GET("/api/v1/customers/stale", sales(SALES1)).andExpect(status().isForbidden());
        assertThat(fresh).isNotEqualTo(old);
    }

    @Test
    void archivingStopsChanges() throws Exception {
        String id = create(customer("泰州华康健康管理有限公司", "91321200MA1X000001", "13700000009"));
        POST("/api/v1/customers/" + id + "/archive", sales(SALES1), Map.of("reason", "closed")).andExpect(status().isForbidden());
        POST("/api/v1/customers/" + id + "/archive", managerEast(), Map.of("reason", "company dissolved"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ARCHIVED"));
        POST("/api/v1/customers/" + id + "/contacts", sales(SALES1), Map.of("name", "x")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("customer.archived"));
        PUT("/api/v1/customers/" + id + "/owner", managerEast(), Map.of("ownerId", "demo-sales-2", "reason", "cover"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("customer.archived"));
        POST("/api/v1/customers/" + id + "/communications", managerEast(), Map.of("channel", "PHONE", "summary", "hello"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("customer.archived"));
    }
}
