package org.crmsuite.console.web;

import java.io.IOException;

import org.crmsuite.console.api.ApiFailure;
import org.crmsuite.console.api.ApiProblem;
import org.crmsuite.console.api.ApiUnavailable;
import org.crmsuite.console.security.ConsoleUser;
import org.crmsuite.console.security.HtmxRequests;
import org.crmsuite.console.security.SignInAgain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a person sees when a call behind a page fails: a service's refusal with its own words, a part of the page
 * marked unavailable when a service is down, and a fresh pass through identity when the token ran out. A fragment
 * for an htmx request (swapped where the part would have been), a whole page otherwise; never a stack trace.
 * A controller that shows a form catches {@link ApiFailure} itself, to put the messages next to the fields.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    private final HttpSessionRequestCache pages = new HttpSessionRequestCache();
    private final String clientId;

    ConsoleErrors(org.crmsuite.console.ConsoleSettings settings) {
        this.clientId = settings.clientId();
    }

    @ExceptionHandler(ApiFailure.class)
    String refused(ApiFailure failure, HttpServletRequest request, HttpServletResponse response, Model model) {
        ApiProblem problem = failure.problem();
        response.setStatus(problem.status() >= 500 ? HttpStatus.BAD_GATEWAY.value() : problem.status());
        if (problem.status() >= 500) {
            log.warn("a service failed a console call: {}", failure.getMessage());
        }
        model.addAttribute("problem", problem);
        withPerson(request, model);
        return HtmxRequests.isHtmx(request) ? "fragments/problem :: panel" : "error/problem";
    }

    @ExceptionHandler(ApiUnavailable.class)
    String unavailable(ApiUnavailable failure, HttpServletRequest request, HttpServletResponse response, Model model) {
        log.warn("console call degraded: {}", failure.getMessage());
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        model.addAttribute("unavailable", failure);
        withPerson(request, model);
        return HtmxRequests.isHtmx(request) ? "fragments/problem :: unavailable" : "error/unavailable";
    }

    /** An error page keeps the navigation: exception handlers do not get the {@code @ModelAttribute}s of pages. */
    private static void withPerson(HttpServletRequest request, Model model) {
        if (request.getUserPrincipal() instanceof Authentication person && person.getPrincipal() instanceof OidcUser user) {
            model.addAttribute("me", ConsoleUser.from(user));
        }
    }

    /** Back through identity: a page is remembered and comes back after sign-in; an htmx part reloads its page. */
    @ExceptionHandler(SignInAgain.class)
    void signInAgain(SignInAgain reason, HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.debug("sign-in again: {}", reason.getMessage());
        if (HtmxRequests.isHtmx(request)) {
            HtmxRequests.reloadPage(request, response);
            return;
        }
        if ("GET".equals(request.getMethod())) {
            pages.saveRequest(request, response);
        }
        response.sendRedirect(request.getContextPath() + "/console/oauth2/authorization/" + clientId);
    }
}
