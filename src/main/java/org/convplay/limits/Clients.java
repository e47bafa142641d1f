package org.convplay.limits;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is asking, as keys for {@link RateLimits}: the signed-in account, else the address the request came from.
 * Works for pages too (Spring keeps the current request for every servlet, Vaadin's included). The address is
 * the connection's: behind a proxy, set {@code server.forward-headers-strategy} so it is the client's.
 */
public final class Clients {

    private Clients() {
    }

    /** {@code account:<name>} when signed in, else {@code address:<ip>}; null outside a request (nothing to limit). */
    public static String key() {
        String account = account();
        String address = address();
        return account != null ? "account:" + account : address == null ? null : "address:" + address;
    }

    /** The signed-in account's name, or null. */
    public static String account() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null || !a.isAuthenticated() || a instanceof AnonymousAuthenticationToken ? null : a.getName();
    }

    /** The current request's remote address, or null outside a request (tests, background work). */
    public static String address() {
        HttpServletRequest request = current();
        return request == null ? null : address(request);
    }

    static String address(HttpServletRequest request) {
        return request == null || request.getRemoteAddr() == null ? "local" : request.getRemoteAddr();
    }

    private static HttpServletRequest current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes s ? s.getRequest() : null;
    }
}
