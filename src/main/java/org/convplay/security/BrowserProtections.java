package org.convplay.security;

import com.vaadin.flow.spring.security.RequestUtil;
import org.springframework.boot.web.servlet.server.CookieSameSiteSupplier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What protects a signed-in browser from other sites: a CSRF token on the login form, {@code SameSite=Lax} on every
 * cookie the application sets, and a Content-Security-Policy on every answer.
 */
@Configuration(proxyBeanMethods = false)
class BrowserProtections {

    /**
     * What Vaadin 24's production pages need, found by opening every page in headless Chromium with the policy on and
     * reading its console (ContentSecurityPolicyIT): Vaadin's bootstrap writes inline scripts and styles and its
     * templates use {@code new Function} ('unsafe-eval'); canvases, the QR code and downloads are data: and blob: URLs.
     * Swagger UI (/swagger-ui) needs no more than that (inline scripts and styles, data: images, its own JSON).
     */
    static final String POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors ";

    /** Embeds are made to be framed by any site; every other page only by this one. */
    static void contentSecurityPolicy(HttpSecurity http, RequestMatcher embed) throws Exception {
        HeaderWriter pages = new StaticHeadersWriter("Content-Security-Policy", POLICY + "'self'");
        HeaderWriter embeds = new StaticHeadersWriter("Content-Security-Policy", POLICY + "*");
        http.headers(h -> h
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(embed), pages))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(embed, embeds)));
    }

    /**
     * Vaadin's security set-up exempts its login path from Spring's CSRF check, so another site could post a form to
     * {@code /login} and sign its visitor in as someone else (login CSRF). Spring's CSRF filter is given back the
     * exemptions without that one: only Vaadin's own requests (it has its own CSRF protection) and the public JSON API.
     * The login form sends the token: Vaadin writes the session's token into every page's head, where the form takes it.
     * Call after Vaadin's set-up, whose exemptions this replaces.
     */
    static void csrfOnLogin(HttpSecurity http, RequestMatcher api) throws Exception {
        RequestUtil vaadin = http.getSharedObject(ApplicationContext.class).getBean(RequestUtil.class);
        RequestMatcher exempt = new OrRequestMatcher(api, vaadin::isFrameworkInternalRequest);
        http.csrf(csrf -> csrf.withObjectPostProcessor(new ObjectPostProcessor<CsrfFilter>() {
            @Override
            public <O extends CsrfFilter> O postProcess(O filter) {
                filter.setRequireCsrfProtectionMatcher(new AndRequestMatcher(CsrfFilter.DEFAULT_CSRF_MATCHER,
                        new NegatedRequestMatcher(exempt)));
                return filter;
            }
        }));
    }

    /** SameSite=Lax on every cookie the application sets (the session's, the anonymous owner key, any other). */
    @Bean
    CookieSameSiteSupplier laxCookies() {
        return CookieSameSiteSupplier.ofLax();
    }
}
