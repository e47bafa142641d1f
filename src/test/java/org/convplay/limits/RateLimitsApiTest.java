package org.convplay.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.convplay.experiment.BrowserKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Rate limits and the anonymous size quota over HTTP, with limits lowered so that a few requests reach them:
 * 429 with Retry-After and an error naming what was limited; another address or an account is not affected.
 */
// Not @AppTest: small limits of its own, and buckets that the shared context's other tests must not have drained
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:ratelimits;DB_CLOSE_DELAY=-1",
        "convplay.limits.compute-per-minute=5", "convplay.limits.saves-per-hour=4",
        "convplay.limits.anonymous-bytes-per-day=1500"})
@AutoConfigureMockMvc
class RateLimitsApiTest {

    static final String CONVOLVE = "{\"input\": [[1,2,3],[4,5,6],[7,8,9]], \"kernel\": [[1,0],[0,1]]}";
    static final String EXPERIMENT = "{\"title\": \"t\", \"description\": \"%s\","
            + " \"request\": {\"input\": [[1,2],[3,4]], \"layers\": [{\"type\": \"relu\"}]}}";

    @Autowired
    MockMvc mvc;
    @Autowired
    Refusals refusals;

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static MockHttpServletRequestBuilder convolve() {
        return post("/api/convolve").contentType(MediaType.APPLICATION_JSON).content(CONVOLVE);
    }

    @Test
    void computePastTheRateIs429WithRetryAfterWhileAnotherAddressAndAnAccountStillCompute() throws Exception {
        double before = refusals.count(RefusedException.Reason.RATE_LIMIT);
        for (int i = 0; i < 5; i++) {
            mvc.perform(convolve().with(from("10.0.0.1"))).andExpect(status().isOk());
        }
        mvc.perform(convolve().with(from("10.0.0.1")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.error", containsString("too many compute requests: at most 5 per minute")))
                .andExpect(jsonPath("$.error", containsString("try again in")));
        assertThat(Long.parseLong(mvc.perform(convolve().with(from("10.0.0.1"))).andReturn().getResponse()
                .getHeader("Retry-After"))).isBetween(1L, 60L);
        mvc.perform(convolve().with(from("10.0.0.2"))).andExpect(status().isOk());
        mvc.perform(convolve().with(from("10.0.0.1")).with(user("teacher"))).andExpect(status().isOk());
        assertThat(refusals.count(RefusedException.Reason.RATE_LIMIT)).isEqualTo(before + 2);
    }

    @Test
    void anonymousSavesPastTheDailyBytesAre429NamingTheQuota() throws Exception {
        Cookie browser = new Cookie(BrowserKey.COOKIE, "quota-test-browser-key-1");
        String body = EXPERIMENT.formatted("x".repeat(500));
        double before = refusals.count(RefusedException.Reason.QUOTA);
        mvc.perform(save(body).cookie(browser).with(from("10.0.1.1"))).andExpect(status().isCreated());
        mvc.perform(save(body).cookie(browser).with(from("10.0.1.1"))).andExpect(status().isCreated());
        mvc.perform(save(body).cookie(browser).with(from("10.0.1.1")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.error", containsString("bytes saved without an account from this browser today")));
        assertThat(refusals.count(RefusedException.Reason.QUOTA)).isEqualTo(before + 1);
        // another browser on another address has its own quota; a signed-in account has none
        mvc.perform(save(body).cookie(new Cookie(BrowserKey.COOKIE, "quota-test-browser-key-2")).with(from("10.0.1.2")))
                .andExpect(status().isCreated());
        mvc.perform(save(body).with(from("10.0.1.1")).with(user("quota-teacher"))).andExpect(status().isCreated());
    }

    @Test
    void savesPastTheHourlyRateAre429() throws Exception {
        String body = EXPERIMENT.formatted("");
        for (int i = 0; i < 4; i++) {
            mvc.perform(save(body).with(from("10.0.2.1"))).andExpect(status().isCreated());
        }
        mvc.perform(save(body).with(from("10.0.2.1")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.error", containsString("too many saves: at most 4 per hour")));
        mvc.perform(save(body).with(from("10.0.2.2"))).andExpect(status().isCreated());
    }

    static MockHttpServletRequestBuilder save(String body) {
        return post("/api/experiments").contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
