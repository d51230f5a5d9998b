package org.crmsuite.platform.config;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** 401 and 403 from the security filters as problem+json, like every other error of the suite. */
final class ProblemSecurityHandlers {

    private ProblemSecurityHandlers() {
    }

    static void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        boolean invalidToken = ex instanceof InvalidBearerTokenException || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        String code = invalidToken ? "auth.invalid-token" : "auth.unauthenticated";
        String detail = invalidToken ? "The bearer token is invalid, expired or not meant for this API"
                : "A bearer token is required";
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        write(response, 401, "Unauthorized", code, detail, request.getRequestURI());
    }

    static void accessDenied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        write(response, 403, "Forbidden", "access.denied", "Your role or department does not allow this",
                request.getRequestURI());
    }

    private static void write(HttpServletResponse response, int status, String title, String code, String detail,
            String instance) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(("{\"type\":\"urn:crm:problem:" + code + "\",\"title\":\"" + title + "\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\",\"instance\":\"" + escape(instance) + "\",\"code\":\"" + code + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
