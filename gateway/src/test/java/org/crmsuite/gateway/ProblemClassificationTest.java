package org.crmsuite.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** What the gateway answers when routing fails: the client learns whose fault it was, never a bare 500 for the upstream's. */
class ProblemClassificationTest {

    @Test
    void anInstanceThatDiesMidRequestIsABadGatewayNotAnInternalError() {
        var problem = ProblemJsonErrorHandler.classify(
                new RuntimeException("routing failed", new IOException("Connection reset by peer")));

        assertThat(problem.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(problem.code()).isEqualTo("gateway.upstream-failed");
    }

    @Test
    void anInstanceThatCannotBeReachedIsUnavailable() {
        var problem = ProblemJsonErrorHandler.classify(new RuntimeException(new ConnectException("refused")));

        assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(problem.code()).isEqualTo("gateway.service-unavailable");
    }

    @Test
    void aFailureOfTheGatewayItselfStaysAnInternalError() {
        var problem = ProblemJsonErrorHandler.classify(new IllegalStateException("a bug"));

        assertThat(problem.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(problem.code()).isEqualTo("internal.error");
    }
}
