package org.crmsuite.console.web;

import org.crmsuite.console.security.ConsoleUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page's model has {@code me}: the signed-in person, or {@code null} on the few open pages. */
@ControllerAdvice
class CurrentUser {

    @ModelAttribute("me")
    ConsoleUser me(@AuthenticationPrincipal OidcUser user) {
        return user == null ? null : ConsoleUser.from(user);
    }
}
