package org.convplay.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.convplay.AppTest;
import org.convplay.Browser;
import org.convplay.account.AccountRef;
import org.convplay.account.AccountService;
import org.convplay.account.Role;
import org.convplay.classroom.BrowserAccounts;
import org.convplay.classroom.TestUsers;
import org.convplay.classroom.domain.LatePolicy;
import org.convplay.classroom.service.AssignmentService;
import org.convplay.classroom.service.CourseService;
import org.convplay.classroom.service.Views;
import org.convplay.exercise.service.ExerciseService;
import org.convplay.exercise.service.TeacherExerciseService;
import org.convplay.experiment.ExperimentService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.Interactive;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page in one browser, the classroom's signed in as a teacher and as a student: axe-core (WCAG 2.1 A
 * and AA) finds nothing on a laptop or a phone, a 390 px phone shows every control whole, the playground's result is in view on a 1366x768 laptop, pointing at a result cell
 * lights its receptive field, and no cell of the pipeline page cuts a number. With
 * {@code -Dscreenshots=docs/screenshots} it also saves each page at both sizes.
 */
@AppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesIT {

    /** Pages anyone can open, by path and the name of their screenshot. */
    static final Map<String, String> PAGES = new java.util.LinkedHashMap<>();

    static {
        PAGES.put("", "playground");
        PAGES.put("animation", "sliding-window");
        PAGES.put("compare", "compare");
        PAGES.put("pipeline", "pipeline");
        PAGES.put("images", "images");
        PAGES.put("benchmark", "benchmark");
        PAGES.put("exercises", "exercises");
        PAGES.put("exercises/output-size-padding", "exercise");
        PAGES.put("login", "login");
        PAGES.put("signup", "signup");
        PAGES.put("animation?present", "sliding-window-present");
        PAGES.put("?present", "playground-present");
        PAGES.put("compare?present", "compare-present");
    }

    static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    CourseService courses;
    @Autowired
    AssignmentService assignments;
    @Autowired
    TeacherExerciseService teacherExercises;
    @Autowired
    ExerciseService exercises;
    @Autowired
    ExperimentService experiments;
    @Autowired
    com.fasterxml.jackson.databind.ObjectMapper json;

    Browser browser;
    String axe;

    @BeforeAll
    void open() throws IOException, InterruptedException {
        axe = Files.readString(axeScript());
        browser = new Browser();
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    void close() {
        browser.close();
    }

    /** axe-core from the npm registry, installed under target/ at test time (never committed). */
    static Path axeScript() throws IOException, InterruptedException {
        Path script = Path.of("target/axe/node_modules/axe-core/axe.min.js");
        if (!Files.exists(script)) {
            Process npm = new ProcessBuilder("npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", "target/axe",
                    "axe-core@4").inheritIO().start();
            assertThat(npm.waitFor()).as("npm install axe-core@4").isZero();
        }
        return script;
    }

    /** The page's viewport as a device of that size (a phone: touch, mobile), independent of the window. */
    void viewport(int width, int height, boolean phone) {
        ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", phone));
        ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", phone));
    }

    void open(String path) {
        if (path.startsWith("embed/")) {
            // plain HTML, no Vaadin to wait for
            browser.driver.get("http://localhost:" + port + "/" + path);
            return;
        }
        browser.open("http://localhost:" + port + "/" + path, Duration.ofSeconds(120));
        // let lit elements render their cells
        browser.wait.until(d -> Boolean.TRUE.equals(browser.script(
                "return [...document.querySelectorAll('matrix-editor,sliding-window')].every(e => !e.isUpdatePending)")));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> axeViolations() {
        browser.script(axe);
        return (List<Map<String, Object>>) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                        + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                        + " nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}))"
                        // a sweep that checked nothing must not pass as clean
                        + ".concat(r.passes.length > 0 ? [] : [{id: 'axe-checked-nothing', help: 'no rule passed', nodes: []}])))"
                        + ".catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));", WCAG);
    }

    void screenshot(String name) throws IOException {
        String folder = System.getProperty("screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        Path dir = Path.of(folder);
        Files.createDirectories(dir);
        byte[] png = ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.BYTES);
        Files.write(dir.resolve(name + ".png"), png);
    }

    /** A saved playground experiment, for its page and its embed. */
    String saveExperiment() throws IOException, InterruptedException {
        String body = "{\"title\": \"Pages\", \"request\": {\"input\": [[1,2,3],[4,5,6],[7,8,9]], \"convention\": \"theano\","
                + " \"layers\": [{\"type\": \"conv2d\", \"kernel\": [[[[1,-2],[3,4]]]], \"padding\": \"same\"}]}}";
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/api/experiments"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("id").asText();
    }

    /** Problems a phone would show: controls beyond the edge or cut off, a page that scrolls sideways ({@code cut-off.js}). */
    @SuppressWarnings("unchecked")
    List<String> cutOff() throws IOException {
        try (var in = PagesIT.class.getResourceAsStream("cut-off.js")) {
            return (List<String>) browser.script(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** One page on a laptop and on a phone: axe finds nothing at either size and the phone shows every control whole. */
    @SuppressWarnings("unchecked")
    void check(String path, String name, List<String> problems) throws IOException {
        viewport(1366, 768, false);
        open(path);
        for (Map<String, Object> v : axeViolations()) {
            problems.add("/" + path + ": " + v.get("id") + " (" + v.get("impact") + ") " + v.get("help")
                    + "\n    " + String.join("\n    ", (List<String>) v.get("nodes")));
        }
        screenshot(name + "-1366x768");
        if (path.equals("pipeline")) {
            browser.script("document.querySelector('#layer-1').scrollIntoView()");
            screenshot("pipeline-layers-1366x768");
        }
        viewport(390, 844, true);
        open(path);
        for (Map<String, Object> v : axeViolations()) {
            problems.add("/" + path + " on a phone: " + v.get("id") + " (" + v.get("impact") + ") " + v.get("help")
                    + "\n    " + String.join("\n    ", (List<String>) v.get("nodes")));
        }
        for (String p : cutOff()) {
            problems.add("/" + path + " on a 390 px phone: " + p);
        }
        screenshot(name + "-390x844");
    }

    @Test
    void everyPageHasNoAxeViolationsAndFitsAPhone() throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>();
        Map<String, String> pages = new java.util.LinkedHashMap<>(PAGES);
        String id = saveExperiment();
        pages.put("e/" + id, "experiment");
        pages.put("embed/" + id, "embed");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            check(page.getKey(), page.getValue(), problems);
        }
        problems.forEach(System.out::println);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPageBehindASignInHasNoAxeViolationsAndFitsAPhone() throws IOException {
        Classroom c = classroom();
        List<String> problems = new ArrayList<>();
        BrowserAccounts signIn = new BrowserAccounts(browser, port);
        viewport(1366, 768, false);
        signIn.signIn(c.teacher().username());
        check("classroom", "classroom-teacher", problems);
        check("classroom/classes/" + c.courseId(), "class", problems);
        check("classroom/assignments/" + c.assignmentId() + "/grades", "grades", problems);
        check("classroom/classes/" + c.courseId() + "/students/" + c.student().id(), "student-grades", problems);
        check("classroom/exercises", "teacher-exercises", problems);
        browser.driver.manage().deleteAllCookies();
        viewport(1366, 768, false);
        signIn.signIn(c.student().username());
        check("classroom", "classroom-student", problems);
        check("classroom/assignments/" + c.assignmentId(), "assignment", problems);
        check("experiments", "my-experiments", problems);
        browser.driver.manage().deleteAllCookies();
        problems.forEach(System.out::println);
        assertThat(problems).isEmpty();
    }

    @Test
    void thePhoneCheckWouldSeeAControlBeyondTheEdgeOrCutOff() throws IOException {
        viewport(390, 844, true);
        open("signup");
        assertThat(cutOff()).isEmpty();
        browser.script("const b = document.createElement('button'); b.textContent = 'wide'; b.style.minWidth = '500px';"
                + "document.querySelector('vaadin-vertical-layout').appendChild(b);"
                + "document.querySelector('#username').style.width = '3em';");
        assertThat(cutOff()).anyMatch(p -> p.startsWith("beyond the edge: button"))
                .anyMatch(p -> p.startsWith("cut off:") && p.contains("Username"))
                .anyMatch(p -> p.startsWith("the page scrolls sideways"));
    }

    record Classroom(AccountRef teacher, AccountRef student, long courseId, long assignmentId) {
    }

    /**
     * A teacher with a class, an exercise of their own and an assignment; a student in the class who answered one
     * exercise wrong and saved an experiment. Made through the services, as the signed-in pages would.
     */
    Classroom classroom() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        AccountRef teacher = accounts.signUp("teacher" + suffix, "Ana Professora", BrowserAccounts.PASSWORD, Role.TEACHER);
        AccountRef student = accounts.signUp("student" + suffix, "Bruno Aluno", BrowserAccounts.PASSWORD, Role.STUDENT);
        try {
            TestUsers.actAs(teacher);
            Views.CourseSummary course = courses.create("Visão computacional");
            teacherExercises.save("my-output-size.yaml", Files.readString(Path.of("exercises/output-size-padding.yaml"))
                    .replace("id: output-size-padding", "id: my-output-size"));
            Views.AssignmentSummary a = assignments.create(course.id(), new Views.AssignmentForm("Week 1",
                    List.of("conv-vs-correlation", "output-size-padding"), Instant.now().minus(Duration.ofDays(1)),
                    Instant.now().plus(Duration.ofDays(7)), 3, LatePolicy.PENALTY, 20));
            TestUsers.actAs(student);
            courses.join(course.joinCode());
            assignments.submit(a.id(), "output-size-padding", exercises.exercise("output-size-padding").answerExample().toString());
            experiments.save(new ExperimentService.Draft("My first kernel", "", "playground", json.readTree(
                    "{\"input\": [[1,2,3],[4,5,6],[7,8,9]], \"layers\": [{\"type\": \"conv2d\", \"kernel\": [[[[1,0],[0,-1]]]]}]}"),
                    null, null), null);
            return new Classroom(teacher, student, course.id(), a.id());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            TestUsers.anonymous();
        }
    }

    @Test
    void theSweepWouldSeeAViolation() {
        viewport(1366, 768, false);
        open("login");
        browser.script("const b = document.createElement('button'); b.id = 'unnamed'; document.body.appendChild(b);");
        assertThat(axeViolations()).extracting(v -> v.get("id")).contains("button-name");
    }

    @Test
    void onALaptopThePlaygroundsResultIsBesideItsInputAndInViewWithoutScrolling() {
        // 768 px of screen leave about 625 px of page under a browser's tabs and address bar
        viewport(1366, 625, false);
        open("");
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) browser.script(
                "const r = document.querySelector('#result').getBoundingClientRect();"
                        + "const i = document.querySelector('#input').getBoundingClientRect();"
                        + "return {bottom: r.bottom, right: r.right, top: r.top, inputTop: i.top, inputRight: i.right,"
                        + " left: r.left, h: innerHeight, w: innerWidth, scrollY: scrollY};");
        assertThat(((Number) box.get("bottom")).doubleValue()).as("result bottom in %s", box)
                .isLessThanOrEqualTo(((Number) box.get("h")).doubleValue());
        assertThat(((Number) box.get("right")).doubleValue()).isLessThanOrEqualTo(((Number) box.get("w")).doubleValue());
        // side by side: the result starts right of the input, not below it
        assertThat(((Number) box.get("left")).doubleValue()).isGreaterThan(((Number) box.get("inputRight")).doubleValue());

        viewport(390, 844, true);
        open("");
        assertThat((Long) browser.script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
        // stacked: the result is below the input
        assertThat((Boolean) browser.script("return document.querySelector('#result').getBoundingClientRect().top"
                + " > document.querySelector('#input').getBoundingClientRect().bottom")).isTrue();
    }

    @Test
    void pointingAtAResultCellLightsItsReceptiveFieldInTheInputAndTheKernel() {
        viewport(1366, 768, false);
        open("");
        WebElement cell = browser.inShadow("#result", "span[data-r='1'][data-c='2']");
        new Actions(browser.driver).moveToElement(cell).perform();
        browser.wait.until(d -> browser.inShadow("#input", "input[data-r='1'][data-c='2']").getAttribute("class").contains("rf"));
        assertThat(browser.inShadow("#input", "input[data-r='3'][data-c='4']").getAttribute("class")).contains("rf");
        assertThat(browser.inShadow("#input", "input[data-r='0'][data-c='0']").getAttribute("class")).doesNotContain("rf");
        assertThat(browser.inShadow("#kernel", "input[data-r='2'][data-c='2']").getAttribute("class")).contains("rf");
        assertThat(browser.inShadow("#result", "span[data-r='1'][data-c='2']").getAttribute("class")).contains("hl");
    }

    /** A finger's tap: touch events (pointer kind "touch"), not a mouse click. */
    void tap(WebElement e) {
        browser.script("arguments[0].scrollIntoView({block: 'center'})", e);
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        Sequence tap = new Sequence(finger, 0)
                .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.fromElement(e), 0, 0))
                .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
                .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        ((Interactive) browser.driver).perform(List.of(tap));
    }

    @Test
    void onAPhoneAFingerEditsACellAndStepsTheSlidingWindow() {
        viewport(390, 844, true);
        open("");
        browser.script("window.touches = 0; document.addEventListener('touchstart', () => window.touches++, true);");
        WebElement cell = browser.inShadow("#input", "input[data-r='0'][data-c='0']");
        WebElement result = browser.inShadow("#result", "span[data-r='0'][data-c='0']");
        String before = result.getText();
        String typed = Long.toString(Math.round(Double.parseDouble(cell.getDomProperty("value"))) + 5);
        tap(cell);
        assertThat((Boolean) browser.script("let a = document.activeElement;"
                + " while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;"
                + " return a === arguments[0];", cell)).as("the tapped cell has the focus").isTrue();
        assertThat((Long) browser.script("return window.touches")).as("a touch, not a mouse").isEqualTo(1L);
        // what the phone's keyboard types goes to the focused cell
        new Actions(browser.driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(typed).perform();
        browser.wait.until(d -> !result.getText().equals(before));
        assertThat(cell.getDomProperty("value")).isEqualTo(typed);

        open("animation");
        browser.script("window.touches = 0; document.addEventListener('touchstart', () => window.touches++, true);");
        WebElement position = browser.inShadow("#window", "#position");
        assertThat(position.getText()).contains(": 0 /");
        WebElement step = browser.inShadow("#window", "#step");
        tap(step);
        tap(step);
        browser.wait.until(d -> position.getText().contains(": 2 /"));
        assertThat(browser.inShadow("#window", "#output td[data-r='0'][data-c='1']").getAttribute("class")).contains("done");
        assertThat((Long) browser.script("return window.touches")).as("touch events, not a mouse").isEqualTo(2L);
    }

    @Test
    void noCellOnThePipelinePageCutsANumber() {
        viewport(1366, 768, false);
        open("pipeline");
        @SuppressWarnings("unchecked")
        List<String> cut = (List<String>) browser.script(
                "const out = []; let n = 0;"
                        + "for (const m of document.querySelectorAll('matrix-editor')) {"
                        + "  for (const c of m.shadowRoot.querySelectorAll('span.cell, input')) {"
                        + "    n++; if (c.scrollWidth > c.clientWidth) out.push((c.textContent || c.value) + ' ' + c.scrollWidth + '>' + c.clientWidth);"
                        + "  }"
                        + "}"
                        + "return n > 12 ? out : ['only ' + n + ' cells'];");
        assertThat(cut).isEmpty();
    }
}
