package org.convplay.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.convplay.shared.Messages;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Throttles failed logins: every bad password counts against its address and against its username from that
 * address; once either is used up, {@code POST /login} from there answers 429 with {@code Retry-After} until the
 * bucket refills (a token every 15 minutes / limit). Not a lockout: the same username from another address (the
 * student at their own machine) is not affected, and a success costs nothing.
 *
 * <p>Runs before Spring Security's filters, so a throttled attempt costs no password hash.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 1)
class LoginThrottle extends OncePerRequestFilter {

    private final RateLimits rates;

    LoginThrottle(RateLimits rates) {
        this.rates = rates;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().equals(request.getContextPath() + "/login");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = Clients.address(request);
        try {
            rates.requireAvailable(RateLimits.Limit.LOGIN_ADDRESS, address);
            String username = request.getParameter("username");
            if (username != null) {
                rates.requireAvailable(RateLimits.Limit.LOGIN_USER, userKey(username, address));
            }
        } catch (RefusedException e) {
            String accept = request.getHeader("Accept");
            if (accept != null && accept.contains("text/html")) {
                writePage(request, response, e);
            } else {
                Refusals.write(response, e);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    /** The sign-in form posts natively, so a browser shows this answer as a page: a short one in its language. */
    private static void writePage(HttpServletRequest request, HttpServletResponse response, RefusedException e)
            throws IOException {
        String message = Messages.render(request.getLocale(), "limits.loginThrottled", e.retryAfterSeconds());
        response.setStatus(e.status());
        response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>429</title></head><body><p>"
                + HtmlUtils.htmlEscape(message) + "</p><p><a href=\"" + request.getContextPath() + "/login\">"
                + HtmlUtils.htmlEscape(Messages.render(request.getLocale(), "limits.backToLogin")) + "</a></p></body></html>");
    }

    /** Spring Security publishes this for every wrong username or password. */
    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (!(event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details)) {
            return;
        }
        String address = details.getRemoteAddress() == null ? "local" : details.getRemoteAddress();
        rates.record(RateLimits.Limit.LOGIN_ADDRESS, address);
        rates.record(RateLimits.Limit.LOGIN_USER, userKey(event.getAuthentication().getName(), address));
    }

    private static String userKey(String username, String address) {
        return username.strip().toLowerCase(Locale.ROOT) + "@" + address;
    }
}
