package org.convplay.experiment;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The anonymous visitor's key: a random cookie that lets "My experiments" list, and delete, what this
 * browser saved without an account. Only its SHA-256 is stored.
 */
public final class BrowserKey {

    public static final String COOKIE = "cp-browser";
    private static final SecureRandom RANDOM = new SecureRandom();

    private BrowserKey() {
    }

    /** The key the request carries, or null. */
    public static String of(HttpServletRequest request) {
        if (request == null || request.getCookies() == null) {
            return null;
        }
        for (Cookie c : request.getCookies()) {
            if (COOKIE.equals(c.getName()) && c.getValue() != null && c.getValue().length() >= 16) {
                return c.getValue();
            }
        }
        return null;
    }

    /** The request's key, or a new one set as a cookie on the response. */
    public static String ensure(HttpServletRequest request, HttpServletResponse response) {
        String key = of(request);
        if (key != null || response == null) {
            return key;
        }
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        key = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        Cookie c = new Cookie(COOKIE, key);
        c.setPath("/");
        c.setHttpOnly(true);
        c.setMaxAge(10 * 365 * 24 * 3600);
        c.setAttribute("SameSite", "Lax");
        response.addCookie(c);
        return key;
    }
}
