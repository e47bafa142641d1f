package org.convplay.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.convplay.AppTest;
import org.convplay.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole classroom in a real browser: a teacher signs up, creates a class and an assignment; a
 * student signs up, joins, answers wrong and then right; the teacher's table and CSV show the grade.
 * Needs the production frontend bundle (run without -DskipFrontend) and Chromium with its driver.
 */
@AppTest
class ClassroomFlowIT {

    @LocalServerPort
    int port;

    Browser browser;
    WebDriver driver;
    WebDriverWait wait;

    @BeforeEach
    void browser() {
        // The project's headless Chromium set-up (flags, paths, fresh profile), shared with the other browser tests.
        browser = new Browser();
        driver = browser.driver;
        wait = browser.wait;
        pages = new ClassroomBrowser(browser, port);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private ClassroomBrowser pages;

    private void open(String path) {
        pages.open(path);
    }

    private WebElement find(String css) {
        return pages.find(css);
    }

    private void type(String css, String text) {
        pages.type(css, text);
    }

    private void click(String css) {
        pages.click(css);
    }

    private void signUp(String username, boolean teacher) {
        pages.signUp(username, teacher);
    }

    private void signIn(String username) {
        pages.signIn(username);
    }

    private void signOut() {
        // the top bar's Sign out
        open("classroom");
        click("#sign-out");
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/classroom")));
        driver.manage().deleteAllCookies();
    }

    @Test
    void teacherAndStudentThroughTheWholeClassroom() throws Exception {
        try {
            flow();
        } catch (Throwable t) {
            // What the browser showed when it failed, for whoever reads the report.
            java.nio.file.Files.write(java.nio.file.Path.of("target", "classroom-flow-failure.png"),
                    ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "classroom-flow-failure.html"), driver.getPageSource());
            throw t;
        }
    }

    private void flow() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        String teacher = "prof" + suffix;
        String student = "aluna" + suffix;

        signUp(teacher, true);
        signIn(teacher);
        // "dens" finds the dense-vs-conv exercise in either language ("Dense layer...", "Camada densa...")
        String[] created = pages.createClassWithAssignment("Redes convolucionais", "Lista 1", "dens");
        String joinCode = created[0];
        String gradesHref = created[1];
        assertThat(joinCode).hasSize(8);
        signOut();

        signUp(student, false);
        signIn(student);
        pages.joinAndOpenAssignment(joinCode);
        answer("1 x 1", "1", "1", "1");
        // the page may be in either language: the wrong part is marked the same way in both
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("pre.feedback"), "✘"));

        Map<String, Integer> p = parameters(find("[id^='exercise-'] pre").getText());
        long out = p.get("n") - p.get("k") + 1;
        long dense = (long) p.get("n") * p.get("n") * out * out + out * out;
        long conv = (long) p.get("k") * p.get("k") + 1;
        // plain digits read the same in both languages; the browser runs in English (Browser's --lang), so a point for decimals
        answer(out + " x " + out, Long.toString(dense), Long.toString(conv), Double.toString((double) dense / conv));
        // "Correct." in English, "Correto." in Portuguese
        wait.until(d -> d.findElement(By.cssSelector("pre.feedback")).getText().matches("(?s)Corre(ct|to)\\..*"));
        signOut();

        signIn(teacher);
        driver.get(gradesHref);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("grades"), "100.0 %"));
        assertThat(find("#grades").getText()).contains(student.toUpperCase());

        String csvHref = find("#csv").getAttribute("href");
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(csvHref))
                .header("Cookie", "JSESSIONID=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains(student + "," + student.toUpperCase() + ",100.0,2,100.0");
    }

    /** Fills the dense-vs-conv answer form and submits it. */
    private void answer(String output, String dense, String conv, String reduction) {
        type("#part-output input", output);
        type("#part-denseParameters input", dense);
        type("#part-convParameters input", conv);
        type("#part-reduction input", reduction);
        click("vaadin-button.submit");
    }

    /** "n = 64\nk = 5" as a map. */
    private static Map<String, Integer> parameters(String text) {
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
