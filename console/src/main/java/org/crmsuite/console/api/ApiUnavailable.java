package org.crmsuite.console.api;

/**
 * The gateway could not be reached, did not answer in time, or answered that the service behind it is down
 * (502/503/504). The page shows that part as unavailable and the rest as usual; nothing is retried for a write.
 */
public class ApiUnavailable extends RuntimeException {

    private final String path;

    public ApiUnavailable(String path, String reason, Throwable cause) {
        super(path + ": " + reason, cause);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
