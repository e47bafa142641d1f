package org.convplay.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convplay.AppTest;
import org.convplay.account.AccountRef;
import org.convplay.account.AccountService;
import org.convplay.account.Role;
import org.convplay.classroom.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Login CSRF, cookies and the Content-Security-Policy, over real HTTP to the real server: the login page carries the
 * session's CSRF token (Vaadin writes it into the page's head for its login form), a POST to /login with it signs in,
 * one without it (another site's form) is refused; cookies are SameSite=Lax; every answer has a CSP whose
 * frame-ancestors is open only for embeds.
 */
@AppTest
class BrowserProtectionsIT {

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void loginNeedsTheSessionsCsrfToken() throws Exception {
        AccountRef user = TestUsers.signUp(accounts, "csrf", Role.STUDENT);
        HttpResponse<String> page = get("/login", null);
        assertThat(page.statusCode()).isEqualTo(200);
        String session = cookie(page, "JSESSIONID");
        Matcher token = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).as("the login page carries a CSRF token for its form:\n" + page.body()).isTrue();

        HttpResponse<String> crossSite = postLogin(user.username(), null, null);
        assertThat(crossSite.statusCode()).as("another site's form, no session, no token").isEqualTo(403);
        HttpResponse<String> noToken = postLogin(user.username(), session, null);
        assertThat(noToken.statusCode()).as("the session's cookie but no token").isEqualTo(403);
        HttpResponse<String> wrongToken = postLogin(user.username(), session, "not-the-token");
        assertThat(wrongToken.statusCode()).isEqualTo(403);

        HttpResponse<String> real = postLogin(user.username(), session, token.group(1));
        assertThat(real.statusCode()).isEqualTo(302);
        assertThat(real.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String signedIn = cookie(real, "JSESSIONID");
        assertThat(signedIn).as("a new session after signing in").isNotEqualTo(session);
        assertThat(get("/api/classroom/assignments/1/grades", signedIn).statusCode()).as("signed in: past the 401").isNotEqualTo(401);
    }

    @Test
    void cookiesAreSameSiteLax() throws Exception {
        HttpResponse<String> page = get("/login", null);
        List<String> cookies = page.headers().allValues("Set-Cookie");
        assertThat(cookies).isNotEmpty().allSatisfy(c -> assertThat(c).containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void everyAnswerHasAPolicyAndOnlyEmbedsMayBeFramedElsewhere() throws Exception {
        for (String path : List.of("/", "/login", "/images", "/api/exercises", "/api/no-such-thing", "/e/nope")) {
            String csp = get(path, null).headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("default-src 'self'").contains("object-src 'none'").endsWith("frame-ancestors 'self'");
        }
        String embed = get("/embed/nope", null).headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(embed).contains("default-src 'self'").endsWith("frame-ancestors *");
    }

    private HttpResponse<String> postLogin(String username, String session, String token) throws Exception {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8)
                + (token == null ? "" : "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://elsewhere.example")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers()));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
