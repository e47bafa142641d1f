package org.convplay.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.convplay.shared.TooLargeException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's side of admission control, before the body is read: compute requests count against the client's
 * rate (429), and a large body (or one of unknown length) holds a big-lane place of the {@link ComputeGate} while
 * it is read, parsed, computed and answered, since parsing megabytes of JSON costs as much as the convolution.
 * Runs after Spring Security, so a signed-in client is limited by account.
 */
@Component
class ComputeAdmissionFilter extends OncePerRequestFilter {

    private final ComputeGate gate;
    private final RateLimits rates;
    private final LimitsProperties limits;

    ComputeAdmissionFilter(ComputeGate gate, RateLimits rates, LimitsProperties limits) {
        this.gate = gate;
        this.rates = rates;
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ComputeGate.Ticket ticket = null;
        try {
            if (isCompute(request.getRequestURI().substring(request.getContextPath().length()))) {
                rates.take(RateLimits.Limit.COMPUTE, Clients.key());
            }
            long length = request.getContentLengthLong();
            if (length < 0 || length > limits.getBigBodyBytes()) {
                ticket = gate.admitBigBody(length);
            }
        } catch (RefusedException e) {
            Refusals.write(response, e);
            return;
        } catch (TooLargeException e) {
            Refusals.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, e.getMessage());
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (ticket != null) {
                ticket.close();
            }
        }
    }

    static boolean isCompute(String path) {
        return path.equals("/api/convolve") || path.equals("/api/pipeline") || path.equals("/api/benchmark")
                || path.startsWith("/api/exercises/") && path.endsWith("/check");
    }
}
