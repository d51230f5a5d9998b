package org.crmsuite.platform.calls;

import feign.RequestInterceptor;
import feign.RequestTemplate;

/** Every Feign call to another service carries this service's token (ARCHITECTURE.md, "Caller identity"). */
public class ServiceTokenInterceptor implements RequestInterceptor {

    private final ServiceTokens tokens;

    public ServiceTokenInterceptor(ServiceTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void apply(RequestTemplate template) {
        template.removeHeader("Authorization");
        template.header("Authorization", "Bearer " + tokens.accessToken());
    }
}
