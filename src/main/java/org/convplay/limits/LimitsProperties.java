package org.convplay.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Every load limit in one place, set with {@code convplay.limits.*} (application.properties; README, "Limits").
 * The sizes of one request stay in {@code org.convplay.shared.Limits}; these say how many requests, how often.
 */
@Component
@ConfigurationProperties("convplay.limits")
public class LimitsProperties {

    /** Small computations running at once; 0 means one per core. */
    private int smallThreads = 0;
    /**
     * Big computations running at once; 0 means half the cores (at least one): the engines spread one computation
     * over every core anyway, and the other half keeps reading, parsing and answering, the pages included.
     */
    private int bigThreads = 0;
    /** Work up to this many multiply-adds runs in the small lane (the playground's matrices), the rest in the big one. */
    private long smallWorkMultiplyAdds = 4_000_000;
    /** Requests waiting for the small lane at most; more are refused at once (503). */
    private int smallQueue = 64;
    /** Requests waiting for the big lane at most. */
    private int bigQueue = 4;
    /** Longest wait for a lane, in milliseconds, before a 503. */
    private long maxWaitMillis = 10_000;
    /** API bodies over this many bytes (or of unknown length) hold a big-lane place while they are read and parsed. */
    private long bigBodyBytes = 64 * 1024;
    /** Share of the maximum heap that running computations may hold together. */
    private double heapShare = 0.5;
    /** Compute API requests per minute, per address (per account when signed in). */
    private int computePerMinute = 600;
    /** Saved experiments (pictures included) per hour, per address or account. */
    private int savesPerHour = 300;
    /** Sign-ups per hour, per address: generous, since a whole class signs up at once behind one school address. */
    private int signUpsPerHour = 200;
    /** Failed logins per 15 minutes from one address, whatever the username. */
    private int failedLoginsPerAddress = 100;
    /** Failed logins per 15 minutes for one username from one address. */
    private int failedLoginsPerUser = 10;
    /** Bytes an anonymous browser may save per day (experiment state and pictures). */
    private long anonymousBytesPerDay = 20L << 20;
    /** Bytes anonymous visitors from one address may save per day together. */
    private long anonymousBytesPerAddressPerDay = 200L << 20;
    /** Clients remembered per limit (least recently seen forgotten first), so the buckets' memory stays bounded. */
    private int trackedClients = 10_000;

    public int smallLaneThreads() {
        return smallThreads > 0 ? smallThreads : Runtime.getRuntime().availableProcessors();
    }

    public int bigLaneThreads() {
        return bigThreads > 0 ? bigThreads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    public int getSmallThreads() {
        return smallThreads;
    }

    public void setSmallThreads(int smallThreads) {
        this.smallThreads = smallThreads;
    }

    public int getBigThreads() {
        return bigThreads;
    }

    public void setBigThreads(int bigThreads) {
        this.bigThreads = bigThreads;
    }

    public long getSmallWorkMultiplyAdds() {
        return smallWorkMultiplyAdds;
    }

    public void setSmallWorkMultiplyAdds(long smallWorkMultiplyAdds) {
        this.smallWorkMultiplyAdds = smallWorkMultiplyAdds;
    }

    public int getSmallQueue() {
        return smallQueue;
    }

    public void setSmallQueue(int smallQueue) {
        this.smallQueue = smallQueue;
    }

    public int getBigQueue() {
        return bigQueue;
    }

    public void setBigQueue(int bigQueue) {
        this.bigQueue = bigQueue;
    }

    public long getMaxWaitMillis() {
        return maxWaitMillis;
    }

    public void setMaxWaitMillis(long maxWaitMillis) {
        this.maxWaitMillis = maxWaitMillis;
    }

    public long getBigBodyBytes() {
        return bigBodyBytes;
    }

    public void setBigBodyBytes(long bigBodyBytes) {
        this.bigBodyBytes = bigBodyBytes;
    }

    public double getHeapShare() {
        return heapShare;
    }

    public void setHeapShare(double heapShare) {
        this.heapShare = heapShare;
    }

    public int getComputePerMinute() {
        return computePerMinute;
    }

    public void setComputePerMinute(int computePerMinute) {
        this.computePerMinute = computePerMinute;
    }

    public int getSavesPerHour() {
        return savesPerHour;
    }

    public void setSavesPerHour(int savesPerHour) {
        this.savesPerHour = savesPerHour;
    }

    public int getSignUpsPerHour() {
        return signUpsPerHour;
    }

    public void setSignUpsPerHour(int signUpsPerHour) {
        this.signUpsPerHour = signUpsPerHour;
    }

    public int getFailedLoginsPerAddress() {
        return failedLoginsPerAddress;
    }

    public void setFailedLoginsPerAddress(int failedLoginsPerAddress) {
        this.failedLoginsPerAddress = failedLoginsPerAddress;
    }

    public int getFailedLoginsPerUser() {
        return failedLoginsPerUser;
    }

    public void setFailedLoginsPerUser(int failedLoginsPerUser) {
        this.failedLoginsPerUser = failedLoginsPerUser;
    }

    public long getAnonymousBytesPerDay() {
        return anonymousBytesPerDay;
    }

    public void setAnonymousBytesPerDay(long anonymousBytesPerDay) {
        this.anonymousBytesPerDay = anonymousBytesPerDay;
    }

    public long getAnonymousBytesPerAddressPerDay() {
        return anonymousBytesPerAddressPerDay;
    }

    public void setAnonymousBytesPerAddressPerDay(long anonymousBytesPerAddressPerDay) {
        this.anonymousBytesPerAddressPerDay = anonymousBytesPerAddressPerDay;
    }

    public int getTrackedClients() {
        return trackedClients;
    }

    public void setTrackedClients(int trackedClients) {
        this.trackedClients = trackedClients;
    }
}
