package org.convplay.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API bodies over {@link #MAX_BYTES} with 413 before they are read, so one huge request cannot
 * exhaust the memory every other user shares. Element limits (values per matrix) are checked later,
 * per field, with messages that name the field.
 */
@Component
class BodySizeLimitFilter extends OncePerRequestFilter {

    /** 64 MiB: room for a 2048x2048 matrix written with long decimals. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            response.setStatus(413);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\": \"the request body has " + request.getContentLengthLong()
                    + " bytes; the limit is " + MAX_BYTES + " bytes\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
