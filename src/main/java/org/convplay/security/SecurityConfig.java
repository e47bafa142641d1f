package org.convplay.security;

import com.vaadin.flow.spring.security.VaadinWebSecurity;
import org.convplay.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. The playground and the exercises are public: anonymous users reach the
 * pages marked {@code @AnonymousAllowed} (Vaadin checks view annotations) and the public JSON API
 * below. Only the classroom needs an account: its pages carry {@code @RolesAllowed}, its JSON API
 * ({@code /api/classroom/**}) needs a login and its services check ownership.
 *
 * <p>CSRF protection is off for {@code /api/**} so outside tools can POST without a token. That is
 * safe because every classroom endpoint under {@code /api/} only reads; whatever changes classroom
 * data goes through the Vaadin pages, which keep Vaadin's own CSRF protection.
 */
@EnableWebSecurity
@Configuration
public class SecurityConfig extends VaadinWebSecurity {

    /** The public HTTP API (docs/api.md, its OpenAPI reference) and the public pages that are not Vaadin routes. */
    static final String[] PUBLIC_PATHS = {
        "/api/convolve", "/api/pipeline", "/api/benchmark", "/api/experiments", "/api/experiments/**",
        "/api/exercises", "/api/exercises/**", "/e/**", "/embed/**", "/error",
        "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
        "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/icons/favicon.svg"
    };

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        RequestMatcher api = new OrRequestMatcher(pathMatchers("/api/**"));
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers(pathMatchers(PUBLIC_PATHS)).permitAll()
                .requestMatchers(pathMatchers("/api/classroom/**")).authenticated()
                // any other path under /api is public: an unknown one answers 404, not a demand to sign in
                .requestMatchers(pathMatchers("/api/**")).permitAll());
        http.csrf(csrf -> csrf.ignoringRequestMatchers(api));
        // Embeds are made to be framed by other sites; every other page keeps clickjacking protection.
        RequestMatcher embed = new OrRequestMatcher(pathMatchers("/embed/**"));
        http.headers(h -> h.frameOptions(f -> f.disable())
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(embed),
                        new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.SAMEORIGIN))));
        BrowserProtections.contentSecurityPolicy(http, embed);
        // A tool calling the API without a session gets 401 (as {"error": ...}, written by /error), not a redirect to
        // the login page.
        http.exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                (request, response, failure) -> response.sendError(HttpStatus.UNAUTHORIZED.value()), api));
        super.configure(http);
        setLoginView(http, LoginView.class);
        BrowserProtections.csrfOnLogin(http, api);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
