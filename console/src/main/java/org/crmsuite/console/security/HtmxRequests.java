package org.crmsuite.console.security;

import java.io.IOException;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Requests htmx makes from a page (header {@code HX-Request}). A redirect to identity cannot be followed from such
 * a request (it is a background call to another origin), so the page itself is told to reload: htmx honours
 * {@code HX-Redirect} whatever the status.
 */
public final class HtmxRequests {

    static final RequestMatcher MATCHER = HtmxRequests::isHtmx;

    private HtmxRequests() {
    }

    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** Sends the browser's page (not the background request) through sign-in, returning it where it was. */
    public static void reloadPage(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("HX-Redirect", consolePath(request.getHeader("HX-Current-URL")));
    }

    static void signInAgain(HttpServletRequest request, HttpServletResponse response, AuthenticationException cause)
            throws IOException {
        reloadPage(request, response);
    }

    /** HX-Current-URL is a full URL the client writes: only its path within the console is kept. */
    static String consolePath(String url) {
        int path = url == null ? -1 : url.indexOf("/console/");
        if (path < 0 || url.substring(path).contains("//") || url.substring(path).contains("\\")) {
            return "/console/";
        }
        return url.substring(path);
    }
}
