package org.crmsuite.console;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Base of the console's page tests: the whole console (MockMvc, sessions in the embedded MongoDB) with a WireMock
 * server standing in for the gateway, i.e. for the services' public APIs. Stub what a page calls with
 * {@code gateway.stubFor(...)}; sign a person in with {@link SignedIn}. One gateway for all tests of the JVM (the
 * Spring context is shared); each test starts with no stubs.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class ConsoleTest {

    protected static final WireMockServer gateway = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    static {
        gateway.start();
    }

    @Autowired
    protected MockMvc mvc;

    @DynamicPropertySource
    static void gatewayUrl(DynamicPropertyRegistry registry) {
        registry.add("crm.console.gateway-url", () -> "http://127.0.0.1:" + gateway.port());
    }

    @BeforeEach
    void noStubs() {
        gateway.resetAll();
    }
}
