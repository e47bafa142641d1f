package org.convplay.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Rate limits and quotas per client, as Bucket4j token buckets kept in memory: one bucket per limit and key
 * (an address, an account, a browser key), the least recently used forgotten first so that memory stays bounded.
 * A forgotten client starts again with a full bucket, which only errs on the generous side.
 */
@Component
public class RateLimits {

    /** What is limited; the text names it in the refusal. */
    public enum Limit {
        COMPUTE("compute requests", RefusedException.Reason.RATE_LIMIT),
        SAVE("saves", RefusedException.Reason.RATE_LIMIT),
        SIGN_UP("sign-ups", RefusedException.Reason.RATE_LIMIT),
        LOGIN_ADDRESS("failed logins from this address", RefusedException.Reason.RATE_LIMIT),
        LOGIN_USER("failed logins for this username", RefusedException.Reason.RATE_LIMIT),
        ANONYMOUS_BYTES("bytes saved without an account from this browser today", RefusedException.Reason.QUOTA),
        ANONYMOUS_ADDRESS_BYTES("bytes saved without an account from this address today", RefusedException.Reason.QUOTA);

        final String what;
        final RefusedException.Reason reason;

        Limit(String what, RefusedException.Reason reason) {
            this.what = what;
            this.reason = reason;
        }
    }

    private record Rule(long capacity, Duration period) {
    }

    private final Map<Limit, Rule> rules = new EnumMap<>(Limit.class);
    private final Map<Limit, Map<String, Bucket>> buckets = new EnumMap<>(Limit.class);
    private final Refusals refusals;

    public RateLimits(LimitsProperties p, Refusals refusals) {
        this.refusals = refusals;
        rules.put(Limit.COMPUTE, new Rule(p.getComputePerMinute(), Duration.ofMinutes(1)));
        rules.put(Limit.SAVE, new Rule(p.getSavesPerHour(), Duration.ofHours(1)));
        rules.put(Limit.SIGN_UP, new Rule(p.getSignUpsPerHour(), Duration.ofHours(1)));
        rules.put(Limit.LOGIN_ADDRESS, new Rule(p.getFailedLoginsPerAddress(), Duration.ofMinutes(15)));
        rules.put(Limit.LOGIN_USER, new Rule(p.getFailedLoginsPerUser(), Duration.ofMinutes(15)));
        rules.put(Limit.ANONYMOUS_BYTES, new Rule(p.getAnonymousBytesPerDay(), Duration.ofDays(1)));
        rules.put(Limit.ANONYMOUS_ADDRESS_BYTES, new Rule(p.getAnonymousBytesPerAddressPerDay(), Duration.ofDays(1)));
        int tracked = p.getTrackedClients();
        for (Limit l : Limit.values()) {
            buckets.put(l, new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                    return size() > tracked;
                }
            });
        }
    }

    /**
     * Takes {@code amount} from the client's bucket, or refuses (429) saying what and when to retry; takes nothing
     * then. A null key (work outside any request: tests, background jobs) is not limited.
     */
    public void take(Limit limit, String key, long amount) {
        if (key == null) {
            return;
        }
        Rule rule = rules.get(limit);
        if (amount > rule.capacity()) {
            throw refusals.refuse(limit.reason, rule.period().toSeconds(), "this needs " + amount + " of the "
                    + rule.capacity() + " " + limit.what + " allowed per " + describe(rule.period()));
        }
        ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(amount);
        if (!probe.isConsumed()) {
            long after = seconds(probe.getNanosToWaitForRefill());
            throw refusals.refuse(limit.reason, after, "too many " + limit.what + ": at most " + rule.capacity()
                    + " per " + describe(rule.period()) + "; try again in " + after + " s");
        }
    }

    public void take(Limit limit, String key) {
        take(limit, key, 1);
    }

    /** Refuses (429) when the client's bucket is empty, taking nothing: a check before work whose cost is known only after. */
    public void requireAvailable(Limit limit, String key) {
        Rule rule = rules.get(limit);
        var estimate = bucket(limit, key).estimateAbilityToConsume(1);
        if (!estimate.canBeConsumed()) {
            long after = seconds(estimate.getNanosToWaitForRefill());
            throw refusals.refuse(limit.reason, after, "too many " + limit.what + ": at most " + rule.capacity()
                    + " per " + describe(rule.period()) + "; try again in " + after + " s");
        }
    }

    /** Takes one token if there is one, never refusing: counts an event (a failed login) after the fact. */
    public void record(Limit limit, String key) {
        bucket(limit, key).tryConsume(1);
    }

    private Bucket bucket(Limit limit, String key) {
        Map<String, Bucket> map = buckets.get(limit);
        synchronized (map) {
            return map.computeIfAbsent(key, k -> {
                Rule rule = rules.get(limit);
                return Bucket.builder()
                        .addLimit(l -> l.capacity(rule.capacity()).refillGreedy(rule.capacity(), rule.period()))
                        .build();
            });
        }
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    private static String describe(Duration d) {
        if (d.equals(Duration.ofDays(1))) {
            return "day";
        }
        if (d.equals(Duration.ofHours(1))) {
            return "hour";
        }
        if (d.equals(Duration.ofMinutes(1))) {
            return "minute";
        }
        return d.toMinutes() + " minutes";
    }
}
