package org.crmsuite.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.crmsuite.identity.IdentityApplication;
import org.crmsuite.identity.support.OAuth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The directory API can trust another OIDC provider by its issuer URI (crm.identity.api-token-issuer), as the other
 * services do with spring.security.oauth2.resourceserver.jwt.issuer-uri. Here the "other provider" is a second
 * identity service with its own database and keys, found through its discovery document.
 */
class ExternalIssuerTest {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String EXCHANGE = "crm.events.identity-test-" + RUN;
    static final String DEAD_LETTER_EXCHANGE = "crm.dlx.identity-test-" + RUN;

    static ConfigurableApplicationContext provider;
    static ConfigurableApplicationContext directory;
    static String providerBase;

    @BeforeAll
    static void startProviderAndADirectoryTrustingIt() {
        int port = freePort();
        providerBase = "http://localhost:" + port;
        provider = start("--server.port=" + port, "--crm.identity.issuer=" + providerBase);
        directory = start("--server.port=0", "--crm.identity.api-token-issuer=" + providerBase);
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { provider, directory }) {
            if (instance != null) {
                instance.close();
            }
        }
        CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", 5672);
        try {
            RabbitAdmin admin = new RabbitAdmin(connections);
            admin.deleteExchange(EXCHANGE);
            admin.deleteExchange(DEAD_LETTER_EXCHANGE);
        } finally {
            connections.destroy();
        }
    }

    @Test
    void directoryAcceptsTokensOfTheConfiguredIssuerOnly() {
        String directoryBase = "http://localhost:" + directory.getEnvironment().getProperty("local.server.port");
        String external = OAuth.clientToken(providerBase, "visit-service", "local-visit-service-secret");
        String own = OAuth.clientToken(directoryBase, "visit-service", "local-visit-service-secret");

        HttpResponse<String> withExternal = OAuth.call("GET", directoryBase + "/api/v1/departments", external, null);
        HttpResponse<String> withOwn = OAuth.call("GET", directoryBase + "/api/v1/departments", own, null);

        assertThat(withExternal.statusCode()).as(withExternal.body()).isEqualTo(200);
        assertThat(withOwn.statusCode()).isEqualTo(401);
    }

    private static ConfigurableApplicationContext start(String... specific) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=test",
                "--crm.events.exchange=" + EXCHANGE,
                "--crm.events.dead-letter-exchange=" + DEAD_LETTER_EXCHANGE,
                "--spring.jmx.enabled=false"));
        args.addAll(List.of(specific));
        return new SpringApplicationBuilder(IdentityApplication.class).run(args.toArray(String[]::new));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
