package org.convplay.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.convplay.account.AccountRef;
import org.convplay.account.AccountService;
import org.convplay.account.Role;
import org.convplay.classroom.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Failed logins are throttled per username (from one address) and per address, with 429 and Retry-After and no
 * password checked meanwhile; the same student signing in from elsewhere is not locked out.
 */
// Not @AppTest: small limits of its own, and a throttle state (failed logins by address) no other test may share
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:loginthrottle;DB_CLOSE_DELAY=-1",
        "convplay.limits.failed-logins-per-user=5", "convplay.limits.failed-logins-per-address=8"})
@AutoConfigureMockMvc
class LoginThrottleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;

    ResultActions login(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }));
    }

    @Test
    void repeatedWrongPasswordsForOneUsernameAreThrottledWhileACorrectLoginFromAnotherAddressWorks() throws Exception {
        AccountRef student = TestUsers.signUp(accounts, "throttled", Role.STUDENT);
        for (int i = 0; i < 5; i++) {
            login(student.username(), "wrong " + i, "10.1.0.1")
                    .andExpect(status().is3xxRedirection())
                    .andExpect(header().string("Location", containsString("/login?error")));
        }
        login(student.username(), "wrong again", "10.1.0.1")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.error", containsString("too many failed logins for this username")));
        // even the right password waits there: the attacker at that address learns nothing more
        login(student.username(), TestUsers.PASSWORD, "10.1.0.1").andExpect(status().isTooManyRequests());

        String location = login(student.username(), TestUsers.PASSWORD, "10.1.0.2")
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getHeader("Location");
        assertThat(location).doesNotContain("error");
    }

    @Test
    void oneAddressTryingManyUsernamesIsThrottledToo() throws Exception {
        for (int i = 0; i < 8; i++) {
            login("nobody-" + i, "guess", "10.1.1.1").andExpect(status().is3xxRedirection());
        }
        login("nobody-9", "guess", "10.1.1.1")
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.error", containsString("too many failed logins from this address")));
        login("nobody-9", "guess", "10.1.1.2").andExpect(status().is3xxRedirection());
        // the browser's form post gets a page in its language, with the way back
        mvc.perform(post("/login").param("username", "nobody-9").param("password", "guess").with(csrf())
                        .header("Accept", "text/html").header("Accept-Language", "pt-BR")
                        .with(request -> {
                            request.setRemoteAddr("10.1.1.1");
                            return request;
                        }))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("Tentativas de entrada com erro demais daqui; tente de novo em")))
                .andExpect(content().string(containsString("href=\"/login\"")));
    }
}
