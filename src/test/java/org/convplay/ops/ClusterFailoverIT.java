package org.convplay.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.convplay.Browser;
import org.convplay.ServerProcess;
import org.convplay.classroom.ClassroomBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Two instances of the packaged jar on one PostgreSQL behind Debian's HAProxy, run with the compose file's own
 * {@code deploy/haproxy.cfg}: a teacher and two students work through the proxy, each pinned to an instance by the
 * proxy's sticky cookie; then one instance is killed (SIGKILL) and the test shows that what was submitted through it
 * is still there, that its student gets the "moved to another server" message and carries on through the other
 * instance, and that the teacher's grade CSV has everyone.
 *
 * <p>Needs TEST_POSTGRES_URL (or TEST_POSTGRES_CLUSTER_URL; {@code .ci/postgres} prints both), {@code haproxy} on
 * the PATH, Chromium and the packaged jar (so it runs in the integration-test phase); skipped, saying why, without
 * the first two.
 */
class ClusterFailoverIT {

    static final String URL = System.getenv().getOrDefault("TEST_POSTGRES_CLUSTER_URL", System.getenv("TEST_POSTGRES_URL"));
    static final String USER = System.getenv().getOrDefault("TEST_POSTGRES_USER", "playground");
    static final String PASSWORD = System.getenv().getOrDefault("TEST_POSTGRES_PASSWORD", "playground");

    static Path work;
    static ServerProcess app1;
    static ServerProcess app2;
    static Process haproxy;
    static Path haproxyLog;
    static int proxyPort;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @BeforeAll
    static void cluster() throws Exception {
        assumeTrue(URL != null, "TEST_POSTGRES_URL is not set: no PostgreSQL for two instances to share (.ci/postgres starts one)");
        assumeTrue(onPath("haproxy"), "haproxy is not installed (apt-get install haproxy; .ci/run does)");
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
            assertThat(c.isValid(2)).isTrue();
        } catch (SQLException e) {
            throw new IllegalStateException("TEST_POSTGRES_URL is set but PostgreSQL is not reachable: " + e.getMessage(), e);
        }
        work = Files.createTempDirectory("cluster-it");
        List<String> db = List.of("--spring.datasource.url=" + URL, "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD);
        // Flyway migrates once (the second instance waits on PostgreSQL's lock), so the two may start together
        CompletableFuture<ServerProcess> first = CompletableFuture.supplyAsync(() -> start(db));
        CompletableFuture<ServerProcess> second = CompletableFuture.supplyAsync(() -> start(db));
        // whichever started is kept for @AfterAll to stop, even when the other did not
        app1 = first.exceptionally(e -> null).join();
        app2 = second.exceptionally(e -> null).join();
        first.join();
        second.join();

        proxyPort = freePort();
        haproxyLog = work.resolve("haproxy.log");
        ProcessBuilder pb = new ProcessBuilder("haproxy", "-db", "-f", Path.of("deploy", "haproxy.cfg").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(haproxyLog.toFile());
        pb.environment().put("PROXY_PORT", Integer.toString(proxyPort));
        pb.environment().put("APP1", "127.0.0.1:" + app1.port());
        pb.environment().put("APP2", "127.0.0.1:" + app2.port());
        haproxy = pb.start();
        awaitBothBehindProxy();
    }

    private static ServerProcess start(List<String> args) {
        try {
            return ServerProcess.start(work, args, Duration.ofMinutes(5));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (haproxy != null) {
            haproxy.destroyForcibly();
            haproxy.waitFor(10, TimeUnit.SECONDS);
        }
        for (ServerProcess s : new ServerProcess[] {app1, app2}) {
            if (s != null && s.isAlive()) {
                s.kill();
            }
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", command));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** New browsers are spread over both instances once the proxy's health checks have found them ready. */
    private static void awaitBothBehindProxy() throws Exception {
        Set<String> seen = new HashSet<>();
        Instant deadline = Instant.now().plusSeconds(60);
        while (seen.size() < 2 && Instant.now().isBefore(deadline)) {
            assertThat(haproxy.isAlive()).as("haproxy exited:\n%s", Files.readString(haproxyLog)).isTrue();
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(proxy("/actuator/health/readiness")))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("CONVPLAY_SERVER="))
                            .forEach(c -> seen.add(c.substring("CONVPLAY_SERVER=".length()).split(";")[0]));
                }
            } catch (IOException notYet) {
                // the proxy is still starting
            }
            Thread.sleep(300);
        }
        assertThat(seen).as("instances the proxy sent fresh browsers to\n%s", Files.readString(haproxyLog))
                .containsExactlyInAnyOrder("app1", "app2");
    }

    static String proxy(String path) {
        return "http://localhost:" + proxyPort + path;
    }

    @Test
    void dataAndServiceSurviveTheLossOfAnInstance() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        String teacher = "prof" + suffix;
        String studentA = "ana" + suffix;
        String studentB = "bia" + suffix;
        try (Flow main = new Flow(new Browser()); Flow a = new Flow(new Browser())) {
            try {
                // the teacher on app2, student A on app1 (the one that dies), student B on app2
                main.pin("app2");
                main.signUp(teacher, true);
                main.signIn(teacher);
                String[] created = main.createClassAndAssignment();
                String joinCode = created[0];
                String gradesHref = created[1];
                main.signOut();

                a.pin("app1");
                a.signUp(studentA, false);
                a.signIn(studentA);
                a.joinAndOpenAssignment(joinCode);
                a.answerRight();
                String assignmentUrl = a.browser.driver.getCurrentUrl();

                main.pin("app2");
                main.signUp(studentB, false);
                main.signIn(studentB);
                main.joinAndOpenAssignment(joinCode);
                main.answerRight();
                main.signOut();

                app1.kill();

                // A's open page talks to the proxy again: the proxy sends it to app2, which has never seen it
                a.answerWrong();
                WebElement moved = a.browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".v-system-error")));
                assertThat(moved.getText()).contains("Connection moved to another server");
                moved.click();
                // a new session on app2: log in again, and A's graded answer from app1 is there
                a.browser.wait.until(ExpectedConditions.urlContains("/login"));
                assertThat(a.browser.driver.manage().getCookieNamed("CONVPLAY_SERVER").getValue()).isEqualTo("app2");
                a.signIn(studentA);
                a.browser.open(assignmentUrl);
                a.browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "100.0 %"));
                // and the service goes on: another answer is graded and stored through app2
                a.answerWrong();
                a.browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("pre.feedback"), "✘"));

                main.signIn(teacher);
                main.browser.driver.get(gradesHref);
                main.browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("grades"), studentB.toUpperCase()));
                String csvHref = main.find("#csv").getAttribute("href");
                HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create(csvHref))
                        .header("Cookie", cookies(main)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(csv.statusCode()).isEqualTo(200);
                // username, name, the exercise's best % and attempts, total %: A's answer through the dead app1 and
                // the one after it through app2 (2 attempts), B's through app2
                assertThat(csv.body()).contains(studentA + "," + studentA.toUpperCase() + ",100.0,2,100.0")
                        .contains(studentB + "," + studentB.toUpperCase() + ",100.0,1,100.0");
                System.out.println("grade CSV after app1 was killed:\n" + csv.body());

                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(proxy("/actuator/health"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"UP\"");
            } catch (Throwable t) {
                main.keepEvidence("cluster-main");
                a.keepEvidence("cluster-student-a");
                System.out.println("app1:\n" + app1.log() + "\napp2:\n" + app2.log() + "\nhaproxy:\n" + Files.readString(haproxyLog));
                throw t;
            }
        }
    }

    private static String cookies(Flow f) {
        List<String> parts = new ArrayList<>();
        for (Cookie c : f.browser.driver.manage().getCookies()) {
            parts.add(c.getName() + "=" + c.getValue());
        }
        return String.join("; ", parts);
    }

    /** One browser's steps through the proxy, as ClassroomFlowIT takes them on one server. */
    static final class Flow implements AutoCloseable {
        final Browser browser;
        /** The classroom's pages through the proxy, as ClassroomFlowIT takes them on one server. */
        final ClassroomBrowser pages;

        Flow(Browser browser) {
            this.browser = browser;
            this.pages = new ClassroomBrowser(browser, proxy("/"));
        }

        /** Sends this browser to one instance, as the proxy's own cookie would after a first visit. */
        void pin(String server) throws InterruptedException {
            browser.driver.get(proxy("/haproxy-health"));
            // The page's own /favicon.ico request goes out without the cookie, and when its answer comes back after
            // the cookie was set, the proxy's cookie for whichever instance served it replaces the pin (a CI run
            // failed so: the student meant for app1 worked on app2). Set it again until it stays through a reload,
            // whose requests all carry it.
            for (int i = 0; i < 10; i++) {
                browser.driver.manage().deleteAllCookies();
                browser.driver.manage().addCookie(new Cookie("CONVPLAY_SERVER", server, "/"));
                browser.driver.get(proxy("/haproxy-health"));
                Thread.sleep(500);
                Cookie now = browser.driver.manage().getCookieNamed("CONVPLAY_SERVER");
                if (now != null && server.equals(now.getValue())) {
                    return;
                }
            }
            throw new IllegalStateException("the browser could not be pinned to " + server);
        }

        WebElement find(String css) {
            return pages.find(css);
        }

        void type(String css, String text) {
            pages.type(css, text);
        }

        void click(String css) {
            pages.click(css);
        }

        void signUp(String username, boolean teacher) {
            pages.signUp(username, teacher);
        }

        void signIn(String username) {
            pages.signIn(username);
        }

        /** The top bar's Sign out, on the classroom home; the pin cookie stays. */
        void signOut() {
            pages.open("classroom");
            click("#sign-out");
            browser.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/classroom")));
        }

        /** The join code and the assignment's grades page. */
        String[] createClassAndAssignment() {
            return pages.createClassWithAssignment("Turma grande", "Lista 1", "dens");
        }

        void joinAndOpenAssignment(String joinCode) {
            pages.joinAndOpenAssignment(joinCode);
        }

        /** A wrong answer to dense-vs-conv through its form, every part filled so that it is graded. */
        void answerWrong() {
            type("#part-output input", "1 x 1");
            type("#part-denseParameters input", "1");
            type("#part-convParameters input", "1");
            type("#part-reduction input", "1");
            click("vaadin-button.submit");
        }

        /** The dense-vs-conv exercise's right answer for this student's variant. */
        void answerRight() {
            Map<String, Integer> p = parameters(find("[id^='exercise-'] pre").getText());
            long out = p.get("n") - p.get("k") + 1;
            long dense = (long) p.get("n") * p.get("n") * out * out + out * out;
            long conv = (long) p.get("k") * p.get("k") + 1;
            // through the answer form; plain digits read the same in both languages, the browser runs in English
            type("#part-output input", out + " x " + out);
            type("#part-denseParameters input", Long.toString(dense));
            type("#part-convParameters input", Long.toString(conv));
            type("#part-reduction input", Double.toString((double) dense / conv));
            click("vaadin-button.submit");
            browser.wait.until(d -> d.findElement(By.cssSelector("pre.feedback")).getText().matches("(?s)Corre(ct|to)\\..*"));
        }

        void keepEvidence(String name) {
            try {
                Files.write(Path.of("target", name + ".png"), ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.BYTES));
                Files.writeString(Path.of("target", name + ".html"), browser.driver.getPageSource());
            } catch (Exception ignored) {
                // evidence is a courtesy; the failure itself is reported anyway
            }
        }

        @Override
        public void close() {
            browser.close();
        }
    }

    /** "n = 64\nk = 5" as a map. */
    static Map<String, Integer> parameters(String text) {
        Map<String, Integer> m = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] kv = line.split("=");
            if (kv.length == 2 && kv[1].trim().matches("-?\\d+")) {
                m.put(kv[0].trim(), Integer.parseInt(kv[1].trim()));
            }
        }
        return m;
    }
}
