package org.convplay.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Counts every refusal as {@code convplay.requests.refused{reason=busy|rate-limit|quota}} and writes the
 * refusal for callers outside Spring MVC (filters): status, {@code Retry-After} and {@code {"error": ...}}.
 */
@Component
public class Refusals {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<RefusedException.Reason, Counter> counters = new EnumMap<>(RefusedException.Reason.class);

    public Refusals(MeterRegistry registry) {
        for (RefusedException.Reason r : RefusedException.Reason.values()) {
            counters.put(r, Counter.builder("convplay.requests.refused").tag("reason", r.tag)
                    .description("Requests refused for load: busy (503), rate limit or quota (429)").register(registry));
        }
    }

    /** Counts the refusal and returns it, to be thrown. */
    public RefusedException refuse(RefusedException.Reason reason, long retryAfterSeconds, String message) {
        counters.get(reason).increment();
        return new RefusedException(reason, retryAfterSeconds, message);
    }

    public double count(RefusedException.Reason reason) {
        return counters.get(reason).count();
    }

    /** For filters, where no exception handler runs; the exception was counted when made. */
    static void write(HttpServletResponse response, RefusedException e) throws IOException {
        response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        write(response, e.status(), e.getMessage());
    }

    /** {@code {"error": message}} with the status, for filters. */
    static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getWriter(), Map.of("error", message));
    }
}
