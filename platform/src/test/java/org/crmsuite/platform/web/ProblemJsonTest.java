package org.crmsuite.platform.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.crmsuite.platform.testapp.PlatformTestApplication;
import org.crmsuite.testsupport.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** RFC 9457 shapes: what a client sees for 400, 404, 409 and 500. */
@SpringBootTest(classes = PlatformTestApplication.class, properties = "test.queue=platform-test.problems")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ProblemJsonTest {

    @Autowired
    MockMvc mvc;

    static final String TOKEN = TestTokens.bearer("staff-1", "d-east", "AGENT");

    static MockHttpServletRequestBuilder get(String path) {
        return MockMvcRequestBuilders.get(path).header(HttpHeaders.AUTHORIZATION, TOKEN);
    }

    static MockHttpServletRequestBuilder post(String path) {
        return MockMvcRequestBuilders.post(path).header(HttpHeaders.AUTHORIZATION, TOKEN);
    }

    @Test
    void invalidFieldsAre400NamingEachField() throws Exception {
        mvc.perform(post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\" \",\"channel\":\"PHONE\",\"priority\":9,\"email\":\"not-an-email\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.code").value("request.invalid"))
                .andExpect(jsonPath("$.type").value("urn:crm:problem:request.invalid"))
                .andExpect(jsonPath("$.title").value("Bad Request"))
                .andExpect(jsonPath("$.errors[*].field").value(hasItems("email", "priority", "title")))
                .andExpect(jsonPath("$.detail").value(containsString("priority")));
    }

    @Test
    void unknownEnumValueIs400ListingTheAllowedValues() throws Exception {
        mvc.perform(post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"x\",\"channel\":\"PIGEON\",\"priority\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("request.malformed"))
                .andExpect(jsonPath("$.errors[0].field").value("channel"))
                .andExpect(jsonPath("$.errors[0].message").value("must be one of [PHONE, EMAIL]"));
    }

    @Test
    void malformedJsonAndUnknownFieldsAre400() throws Exception {
        mvc.perform(post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON).content("{\"title\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.malformed"));
        mvc.perform(post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"x\",\"channel\":\"PHONE\",\"priority\":1,\"$where\":\"1\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("$where"))
                .andExpect(jsonPath("$.errors[0].message").value("is not a known field"));
    }

    @Test
    void missingPrimitiveFieldIsReportedAsRequired() throws Exception {
        mvc.perform(post("/api/v1/tickets").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"x\",\"channel\":\"PHONE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("priority"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"));
    }

    @Test
    void wrongParameterTypeIs400() throws Exception {
        mvc.perform(get("/api/v1/tickets/search").param("page", "first"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get("/api/v1/tickets/search"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
    }

    @Test
    void unknownIdIs404WithCode() throws Exception {
        mvc.perform(get("/api/v1/tickets/abc123"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ticket.not-found"))
                .andExpect(jsonPath("$.id").value("abc123"));
        mvc.perform(get("/api/v1/nothing-here"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("http.404"));
    }

    @Test
    void conflictsAre409WithStableCodes() throws Exception {
        mvc.perform(post("/api/v1/tickets/stale"))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("concurrency.stale-version"));
        mvc.perform(post("/api/v1/tickets/duplicate"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("resource.duplicate"))
                .andExpect(jsonPath("$.detail").value(not(containsString("E11000"))));
        mvc.perform(post("/api/v1/tickets/refused"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ticket.closed"))
                .andExpect(jsonPath("$.ticketId").value("t-1"));
    }

    @Test
    void unexpectedFailureIs500WithoutInternals() throws Exception {
        mvc.perform(post("/api/v1/tickets/boom"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("internal.error"))
                .andExpect(content().string(not(containsString("secret"))))
                .andExpect(content().string(not(containsString("Exception"))))
                .andExpect(content().string(not(containsString("at org."))));
    }
}
