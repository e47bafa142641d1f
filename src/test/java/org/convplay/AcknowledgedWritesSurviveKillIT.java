package org.convplay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Nothing the server acknowledged is lost when it dies: the packaged jar, on its default H2 settings, saves
 * experiments (POST /api/experiments answered 201) and takes a student's classroom submissions (the page showed the
 * attempt counted) and is killed with SIGKILL right after the last answer, three times; each restart on the same
 * database finds every experiment and every submission, and none twice.
 *
 * <p>Submissions are made in a real browser because only the Vaadin pages write them.
 */
class AcknowledgedWritesSurviveKillIT {

    static final int ROUNDS = 3;
    static final int SAVES_PER_ROUND = 25;
    static final int SUBMISSIONS_PER_ROUND = 4;
    static final String PASSWORD = "a long enough password";

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyAcknowledgedSaveAndSubmissionIsThereAfterSigkill() throws Exception {
        Path work = Files.createTempDirectory("kill-it");
        Path db = work.resolve("data").resolve("playground");
        // The default URL's settings (application.properties) with the database moved into the test's folder: the
        // durability under test is the one a user gets.
        String url = "--spring.datasource.url=jdbc:h2:file:" + db.toAbsolutePath() + ";AUTO_SERVER=FALSE;WRITE_DELAY=0";
        assertThat(Files.readString(Path.of("src/main/resources/application.properties")))
                .as("the test uses the default URL's H2 settings").contains(";AUTO_SERVER=FALSE;WRITE_DELAY=0}");

        Map<String, String> saved = new LinkedHashMap<>();
        int submitted = 0;
        String student = "kill" + (System.nanoTime() % 1_000_000);
        ServerProcess server = ServerProcess.start(work, List.of(url));
        try (Browser browser = new Browser()) {
            String assignmentUrl = prepareClassroom(browser, server, student);
            for (int round = 1; round <= ROUNDS; round++) {
                if (round > 1) {
                    server = ServerProcess.start(work, List.of(url));
                    assertFound(server, saved);
                    signIn(browser, server, student);
                    assertThat(attemptsUsed(browser, server, assignmentUrl))
                            .as("submissions found after restart %d", round - 1).isEqualTo(submitted);
                }
                for (int i = 0; i < SAVES_PER_ROUND; i++) {
                    String title = "round " + round + " save " + i;
                    saved.put(save(server, title), title);
                }
                browser.open(server.url(assignmentUrl));
                for (int i = 0; i < SUBMISSIONS_PER_ROUND; i++) {
                    submitWrongAnswer(browser, ++submitted);
                }
                // killed right after the last acknowledgement: no pause for a background writer
                server.kill();
            }
            server = ServerProcess.start(work, List.of(url));
            assertFound(server, saved);
            signIn(browser, server, student);
            int found = attemptsUsed(browser, server, assignmentUrl);
            System.out.printf("SIGKILL test: %d saves and %d submissions acknowledged over %d rounds; after the restarts"
                    + " %d saves and %d submissions found%n", saved.size(), submitted, ROUNDS, saved.size(), found);
            assertThat(found).as("submissions found after the last restart").isEqualTo(submitted);
        } finally {
            server.close();
        }
        assertEachSavedOnce(db, saved);
        // kept when the test fails, for the servers' logs
        try (var files = Files.walk(work)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private String save(ServerProcess server, String title) throws Exception {
        String body = "{\"title\": \"" + title + "\", \"request\": {\"input\": [[1,2],[3,4]], \"layers\": [{\"type\": \"relu\"}]}}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url("/api/experiments")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return mapper.readTree(response.body()).get("id").asText();
    }

    /** Every acknowledged experiment answers with its own title. */
    private void assertFound(ServerProcess server, Map<String, String> saved) throws Exception {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> e : saved.entrySet()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url("/api/experiments/" + e.getKey())))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !e.getValue().equals(mapper.readTree(response.body()).get("title").asText())) {
                missing.add(e.getValue() + " (" + response.statusCode() + ")");
            }
        }
        assertThat(missing).as("acknowledged experiments lost").isEmpty();
    }

    /** Reads the database file itself, the server stopped: each title once, none twice. */
    private static void assertEachSavedOnce(Path db, Map<String, String> saved) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath(), "sa", "");
                PreparedStatement q = c.prepareStatement("SELECT title, COUNT(*) FROM experiment GROUP BY title")) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
            Map<String, Integer> expected = new LinkedHashMap<>();
            saved.values().forEach(t -> expected.put(t, 1));
            assertThat(counts).isEqualTo(expected);
        }
    }

    /** A teacher's class with an assignment of 100 attempts, and a student in it; returns the student's page path. */
    private static String prepareClassroom(Browser browser, ServerProcess server, String student) {
        String teacher = student + "t";
        signUp(browser, server, teacher, true);
        signIn(browser, server, teacher);
        browser.open(server.url("/classroom"));
        type(browser, "#class-name input", "Durabilidade");
        click(browser, "#create-class");
        click(browser, "#classes a");
        String joinCode = find(browser, "#join-code").getText().replaceAll(".*:\\s*", "").trim();
        type(browser, "#assignment-title input", "Lista");
        WebElement picker = find(browser, "#assignment-exercises input");
        picker.click();
        picker.sendKeys("dens");
        browser.wait.until(d -> d.findElements(By.cssSelector("vaadin-multi-select-combo-box-item")).stream()
                .filter(e -> e.isDisplayed() && e.getText().toLowerCase().contains("dens")).findFirst().orElse(null)).click();
        picker.sendKeys(Keys.ESCAPE);
        type(browser, "#assignment-attempts input", "100");
        find(browser, "#assignment-attempts input").sendKeys(Keys.TAB);
        click(browser, "#create-assignment");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#assignments a")));
        signOut(browser, server);

        signUp(browser, server, student, false);
        signIn(browser, server, student);
        browser.open(server.url("/classroom"));
        type(browser, "#join-code input", joinCode);
        click(browser, "#join");
        String href = find(browser, "#assignments a").getAttribute("href");
        return URI.create(href).getPath();
    }

    /** A wrong answer uses an attempt; the page's count of attempts is what the server acknowledged. */
    private static void submitWrongAnswer(Browser browser, int expectedAttempts) {
        // through the answer form: a wrong output size, different each time
        type(browser, "#part-output input", expectedAttempts + " x 1");
        type(browser, "#part-denseParameters input", "1");
        type(browser, "#part-convParameters input", "1");
        type(browser, "#part-reduction input", "1");
        click(browser, "vaadin-button.submit");
        browser.wait.until(d -> attemptsText(browser).startsWith("Attempts: " + expectedAttempts + " of 100"));
    }

    private static int attemptsUsed(Browser browser, ServerProcess server, String assignmentPath) {
        browser.open(server.url(assignmentPath));
        return Integer.parseInt(attemptsText(browser).replaceAll("^Attempts: (\\d+) of.*", "$1"));
    }

    private static String attemptsText(Browser browser) {
        return find(browser, "span.attempts").getText();
    }

    private static void signUp(Browser browser, ServerProcess server, String username, boolean teacher) {
        browser.open(server.url("/signup"), Duration.ofSeconds(90));
        type(browser, "#username input", username);
        type(browser, "#display-name input", username.toUpperCase());
        type(browser, "#password input", PASSWORD);
        if (teacher) {
            click(browser, "#role vaadin-radio-button:nth-of-type(2)");
        }
        click(browser, "#create-account");
        browser.wait.until(ExpectedConditions.urlContains("/login"));
    }

    private static void signIn(Browser browser, ServerProcess server, String username) {
        browser.driver.manage().deleteAllCookies();
        browser.open(server.url("/login"), Duration.ofSeconds(90));
        type(browser, "vaadin-login-form vaadin-text-field[name='username'] input", username);
        WebElement password = find(browser, "vaadin-login-form vaadin-password-field[name='password'] input");
        password.sendKeys(PASSWORD);
        password.sendKeys(Keys.ENTER);
        browser.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private static void signOut(Browser browser, ServerProcess server) {
        browser.open(server.url("/classroom"));
        click(browser, "#sign-out");
        browser.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/classroom")));
        browser.driver.manage().deleteAllCookies();
    }

    private static WebElement find(Browser browser, String css) {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private static void type(Browser browser, String css, String text) {
        WebElement input = find(browser, css);
        input.clear();
        input.sendKeys(text);
    }

    private static void click(Browser browser, String css) {
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }
}
