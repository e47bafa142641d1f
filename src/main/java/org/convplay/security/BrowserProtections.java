package org.convplay.security;

import org.springframework.boot.web.servlet.server.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.http.HttpMethod;

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
     * {@code /login} and sign its visitor in as someone else (login CSRF). This second CSRF filter checks that one
     * request, against the token of the session (the one Spring's filter keeps; Vaadin writes it into every page's
     * head, where the login form picks it up). Its own name keeps it from passing for the first filter.
     */
    static void csrfOnLogin(HttpSecurity http) {
        CsrfFilter login = new CsrfFilter(new HttpSessionCsrfTokenRepository());
        login.setBeanName("loginCsrfFilter");
        login.setRequireCsrfProtectionMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login"));
        http.addFilterBefore(login, UsernamePasswordAuthenticationFilter.class);
    }

    /** SameSite=Lax on every cookie the application sets (the session's, the anonymous owner key, any other). */
    @Bean
    CookieSameSiteSupplier laxCookies() {
        return CookieSameSiteSupplier.ofLax();
    }
}
