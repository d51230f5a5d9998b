package org.crmsuite.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.http.HttpStatus;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ServerId;
import com.mongodb.connection.ClusterId;

/** A database connection that breaks is "the database is unavailable" (503), however Spring Data wraps it. */
class DatabaseFailureProblemTest {

    final ProblemHandler handler = new ProblemHandler();

    @Test
    void aClearedConnectionPoolIsServiceUnavailable() {
        var cleared = new MongoConnectionPoolClearedException(new ServerId(new ClusterId(), new ServerAddress("127.0.0.1", 27017)),
                new MongoSocketReadException("Prematurely reached end of stream", new ServerAddress("127.0.0.1", 27017)));
        var response = handler.databaseFailure(new UncategorizedMongoDbException("pool cleared", cleared));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getBody().getProperties()).containsEntry("code", "service.database-unavailable");
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    }

    @Test
    void anotherUncategorisedFailureIsStillAnInternalError() {
        var response = handler.databaseFailure(new UncategorizedMongoDbException("odd", new IllegalStateException("odd")));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
