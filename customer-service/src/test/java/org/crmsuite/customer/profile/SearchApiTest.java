package org.crmsuite.customer.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.crmsuite.customer.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The paged search (CU-1): filters, paging limits, department scope, and client text that stays literal. */
class SearchApiTest extends ApiTest {

    @BeforeEach
    void customers() {
        seed(EAST, "demo-sales-1", Grade.QUALIFIED, "上海宏达建设集团有限公司", "91310000SEARCH0001", List.of());
        seed(EAST, "demo-sales-2", Grade.PREFERRED, "上海宏远物业管理有限公司", "91310000SEARCH0002", List.of());
        seed(EAST, "demo-sales-1", Grade.QUALIFIED, "Acme Trading Co., Ltd.", "91310000SEARCH0003", List.of());
        seed(SERVICE_DEPT, "demo-agent-1", Grade.QUALIFIED, "Ａｃｍｅ Logistics", "91310000SEARCH0004", List.of());
        seed(EAST, "demo-sales-3", Grade.QUALIFIED, "Dot.Star (Shanghai) Ltd", "91310000SEARCH0005", List.of());
    }

    List<String> names(String query, String token) throws Exception {
        JsonNode page = body(GET("/api/v1/customers?" + query, token).andExpect(status().isOk()));
        return page.get("items").valueStream().map(i -> i.get("name").asString()).toList();
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void partialNamesMatchChineseAndLatinIgnoringCaseAndWidth_CU1() throws Exception {
        assertThat(names("name=" + enc("宏"), director())).containsExactly("上海宏达建设集团有限公司", "上海宏远物业管理有限公司");
        assertThat(names("name=" + enc("物业"), director())).containsExactly("上海宏远物业管理有限公司");
        assertThat(names("name=acme", director())).containsExactlyInAnyOrder("Acme Trading Co., Ltd.", "Ａｃｍｅ Logistics");
        assertThat(names("name=" + enc("trading co") + "&nameMatch=CONTAINS", director())).containsExactly("Acme Trading Co., Ltd.");
        assertThat(names("name=" + enc("上海") + "&nameMatch=PREFIX", director())).hasSize(2);
        assertThat(names("name=" + enc("宏达") + "&nameMatch=PREFIX", director())).isEmpty();
    }

    @Test
    void filtersByRegistrationPhoneOwnerGradeAndDepartment_CU1() throws Exception {
        assertThat(names("registrationNumber=91310000search0002", director())).containsExactly("上海宏远物业管理有限公司");
        String phone = customers.byRegistrationNumber("91310000SEARCH0003").orElseThrow().getContacts().get(0).phone();
        assertThat(names("phone=" + phone, director())).containsExactly("Acme Trading Co., Ltd.");
        assertThat(names("ownerId=demo-sales-1", director())).hasSize(2);
        assertThat(names("grade=PREFERRED", director())).containsExactly("上海宏远物业管理有限公司");
        assertThat(names("departmentId=" + SERVICE_DEPT, director())).containsExactly("Ａｃｍｅ Logistics");
        assertThat(names("status=ACTIVE&category=GENERAL&tier=NEW", director())).hasSize(5);
        GET("/api/v1/customers?sort=name,desc&size=2&page=1", director()).andExpect(jsonPath("$.totalItems").value(5))
                .andExpect(jsonPath("$.totalPages").value(3)).andExpect(jsonPath("$.items.length()").value(2));
    }

    @Test
    void salesAndManagersSearchTheirOwnDepartmentOnly_CU3() throws Exception {
        assertThat(names("", sales("demo-sales-1"))).hasSize(4);
        assertThat(names("", managerService())).containsExactly("Ａｃｍｅ Logistics");
        GET("/api/v1/customers?departmentId=" + SERVICE_DEPT, sales("demo-sales-1")).andExpect(status().isForbidden());
        assertThat(names("", agent())).hasSize(5);
        JsonNode page = body(GET("/api/v1/customers?name=acme", sales("demo-sales-2")));
        assertThat(page.get("items").get(0).get("masked").asBoolean()).isTrue();
        assertThat(page.get("items").get(0).get("contactPhone").asString()).contains("****");
    }

    @Test
    void operatorsAndPatternsInSearchTextAreLiteral() throws Exception {
        assertThat(names("name=" + enc("{\"$gt\": \"\"}"), director())).isEmpty();
        assertThat(names("name=" + enc(".*"), director())).isEmpty();
        assertThat(names("name=" + enc("^"), director())).isEmpty();
        assertThat(names("name=" + enc("a|b"), director())).isEmpty();
        assertThat(names("name=" + enc("(?i)ACME"), director())).isEmpty();
        assertThat(names("name=" + enc("dot.star"), director())).containsExactly("Dot.Star (Shanghai) Ltd");
        assertThat(names("name=" + enc("(shanghai)"), director())).containsExactly("Dot.Star (Shanghai) Ltd");
        assertThat(names("registrationNumber=" + enc("{\"$ne\": null}"), director())).isEmpty();
        assertThat(names("ownerId=" + enc("{\"$ne\": \"x\"}"), director())).isEmpty();
        assertThat(names("phone=" + enc("{\"$regex\": \".*\"}"), director())).isEmpty();
        assertThat(names("registrationNumber[$ne]=x", director())).hasSize(5);
    }

    @Test
    void pageSizeSortAndEnumsAreChecked() throws Exception {
        GET("/api/v1/customers?size=201", director()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        GET("/api/v1/customers?page=-1", director()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        GET("/api/v1/customers?sort=" + enc("$where"), director()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sort"));
        GET("/api/v1/customers?grade=GOLD", director()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("grade"));
        GET("/api/v1/customers", TestTokensPartner.partner()).andExpect(status().isForbidden());
    }

    static final class TestTokensPartner {
        static String partner() {
            return org.crmsuite.testsupport.TestTokens.bearer("partner-demo", null, "PARTNER");
        }
    }
}
