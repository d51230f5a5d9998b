package org.crmsuite.platform.web;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.crmsuite.platform.testapp.PlatformTestApplication;
import org.crmsuite.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Every service is a resource server too (defence in depth): /api/** needs a valid token from the suite's issuer. */
@SpringBootTest(classes = PlatformTestApplication.class, properties = "test.queue=platform-test.problems")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ResourceServerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void apiWithoutTokenIs401ProblemJson() throws Exception {
        mvc.perform(get("/api/v1/tickets/search").param("page", "0"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")))
                .andExpect(jsonPath("$.code").value("auth.unauthenticated"));
    }

    @Test
    void expiredOrForeignTokensAre401() throws Exception {
        String expired = TestTokens.get().token("staff-1", "d-east", Duration.ofSeconds(-120), "AGENT");
        mvc.perform(get("/api/v1/tickets/search").param("page", "0").header(HttpHeaders.AUTHORIZATION, "Bearer " + expired))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("auth.invalid-token"));
        String otherAudience = TestTokens.get().tokenForAudience("another-api", "staff-1", "d-east", Duration.ofMinutes(5), "ADMIN");
        mvc.perform(get("/api/v1/tickets/search").param("page", "0").header(HttpHeaders.AUTHORIZATION, "Bearer " + otherAudience))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("auth.invalid-token"));
        String unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjpbIkFETUlOIl0sImF1ZCI6ImNybS1hcGkifQ.";
        mvc.perform(get("/api/v1/tickets/search").param("page", "0").header(HttpHeaders.AUTHORIZATION, "Bearer " + unsigned))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("auth.invalid-token"));
    }

    @Test
    void validTokenIsAccepted() throws Exception {
        mvc.perform(get("/api/v1/tickets/search").param("page", "0")
                        .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer("staff-1", "d-east", "AGENT")))
                .andExpect(status().isOk());
    }

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Test
    void healthStaysOpenAndIsUpWithDataInTheDatabase() throws Exception {
        mongo.insert(new org.bson.Document("probe", 1), "health_probe"); // a database with data: Boot's own check failed here
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.mongo.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }
}
