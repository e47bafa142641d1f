package org.convplay.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.convplay.AppTest;
import org.convplay.Browser;
import org.convplay.classroom.BrowserAccounts;
import org.convplay.exercise.service.ExerciseCatalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every shipped exercise that is not practical, answered through its form in a real browser at
 * seed 0: once wrong (the file's answer example) and once right (its reference answer); then a
 * teacher writes an exercise on the page, assigns it, and a student answers it through the same form.
 * Needs the production frontend bundle and Chromium with its driver.
 */
@AppTest
class ExerciseFormsIT {

    @LocalServerPort
    int port;

    Browser browser;
    WebDriver driver;
    WebDriverWait wait;
    BrowserAccounts accounts;

    @BeforeEach
    void browser() {
        browser = new Browser();
        driver = browser.driver;
        wait = browser.wait;
        accounts = new BrowserAccounts(browser, port);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + "/" + path);
    }

    private WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    private void click(String css) {
        WebElement e = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        // the driver does not scroll the page's own box (the app layout's content) to a control below the fold
        browser.script("arguments[0].scrollIntoView({block: 'center'})", e);
        e.click();
    }

    @Test
    void everyShippedExerciseIsAnsweredThroughItsFormAndATeachersExerciseToo() throws Exception {
        try {
            shippedExercises();
            teacherWritesAssignsAndAStudentAnswers();
        } catch (Throwable t) {
            java.nio.file.Files.write(Path.of("target", "exercise-forms-failure.png"),
                    ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            java.nio.file.Files.writeString(Path.of("target", "exercise-forms-failure.html"), driver.getPageSource());
            throw t;
        }
    }

    private void shippedExercises() {
        List<String> answered = new ArrayList<>();
        for (Exercise e : ExerciseCatalog.fromFolder(Path.of("exercises")).all()) {
            if (e.kind() == Kind.PRACTICAL) {
                continue;
            }
            open("exercises/" + e.id() + "?seed=0");
            find("#part-" + e.parts().get(0).name());
            assertThat(driver.findElements(By.cssSelector("vaadin-text-area#answer"))).as("%s asks for no JSON", e.id()).isEmpty();

            fill(e, e.answerExample());
            click("#check");
            // waits of their own: withMessage changes the wait it is called on
            browser.waitFor(Duration.ofSeconds(30)).withMessage(() -> e.id() + ": the wrong answer was not marked").until(d ->
                    e.parts().stream().anyMatch(p -> d.findElement(By.id("part-" + p.name() + "-mark")).getText().equals("✘")));
            assertThat(find("#feedback").getText()).as(e.id()).startsWith("Not quite");

            fill(e, e.reference());
            click("#check");
            browser.waitFor(Duration.ofSeconds(30))
                    .withMessage(() -> e.id() + ": the reference answer was not accepted: " + driver.findElement(By.id("feedback")).getText())
                    .until(d -> d.findElement(By.id("feedback")).getText().startsWith("Correct"));
            for (AnswerPart p : e.parts()) {
                assertThat(find("#part-" + p.name() + "-mark").getText()).as("%s %s", e.id(), p.name()).isEqualTo("✔");
            }
            assertThat(find("#solution").isDisplayed()).isTrue();
            answered.add(e.id());
        }
        assertThat(answered).hasSizeGreaterThanOrEqualTo(9).contains("dense-vs-conv", "conv-vs-correlation", "conv-parameters-rgb");
    }

    /** Types an answer into the form, part by part, as a student would (the page is in English: Browser's --lang). */
    private void fill(Exercise e, JsonNode answer) {
        for (AnswerPart p : e.parts()) {
            JsonNode v = answer.get(p.name());
            String id = "#part-" + p.name();
            switch (p.type()) {
                case INTEGER, DECIMAL -> type(id + " input", v.asText());
                case SHAPE -> {
                    List<String> dims = new ArrayList<>();
                    v.forEach(d -> dims.add(d.asText()));
                    type(id + " input", String.join(" x ", dims));
                }
                case CHOICE -> {
                    int index = 0;
                    for (int i = 0; i < p.choices().size(); i++) {
                        if (p.choices().get(i).value().equals(v.asText())) {
                            index = i;
                        }
                    }
                    click(id + " vaadin-radio-button:nth-of-type(" + (index + 1) + ")");
                }
                case MATRIX -> matrix(id, v);
            }
        }
    }

    /** Types every cell of a matrix part in the matrix editor (its cells live in its shadow root). */
    private void matrix(String css, JsonNode rows) {
        WebElement editor = find(css);
        SearchContext shadow = editor.getShadowRoot();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                WebElement cell = shadow.findElement(By.cssSelector("input[data-r='" + r + "'][data-c='" + c + "']"));
                cell.sendKeys(Keys.chord(Keys.CONTROL, "a"), rows.get(r).get(c).asText(), Keys.TAB);
            }
        }
    }


    private void teacherWritesAssignsAndAStudentAnswers() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        String teacher = "prof" + suffix;
        String student = "aluno" + suffix;
        accounts.signUp(teacher, true);
        accounts.signIn(teacher);
        open("classroom");
        type("#class-name input", "Turma do quiz");
        click("#create-class");
        click("#classes a");
        wait.until(ExpectedConditions.urlContains("/classroom/classes/"));
        String classUrl = driver.getCurrentUrl();
        String joinCode = find("#join-code").getText().replaceAll(".*:\\s*", "").trim();

        click("#write-exercise");
        WebElement editor = find("#exercise-yaml textarea");
        // A broken formula first: refused with its line, nothing saved.
        setText(editor, SampleExercises.QUIZ.replace("\"n - k + 1\", \"n - k + 1\"", "\"n - k + 1\", \"n / (k - 3)\""));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("exercise-yaml-error"), "line 12"));
        assertThat(find("#exercise-yaml-error").getText()).contains("Division by zero");
        setText(editor, SampleExercises.QUIZ);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview-0"), "A 10x10 input"));
        click("#save-exercise");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("exercise-saved"), "-quiz-size"));

        driver.get(classUrl);
        type("#assignment-title input", "Quiz 1");
        WebElement picker = find("#assignment-exercises input");
        picker.click();
        picker.sendKeys("quiz");
        WebElement item = wait.until(d -> d.findElements(By.cssSelector("vaadin-multi-select-combo-box-item")).stream()
                .filter(e -> e.isDisplayed() && e.getText().toLowerCase().contains("quiz")).findFirst().orElse(null));
        item.click();
        picker.sendKeys(Keys.ESCAPE);
        click("#create-assignment");
        browser.waitFor(Duration.ofSeconds(45)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#assignments a")));
        accounts.signOut();

        accounts.signUp(student, false);
        accounts.signIn(student);
        open("classroom");
        type("#join-code input", joinCode);
        click("#join");
        click("#assignments a");
        String params = find("[id^='exercise-'] pre").getText();
        int n = value(params, "n");
        int k = value(params, "k");
        type("#part-output input", "seven");
        click("vaadin-button.submit");
        wait.until(d -> d.findElement(By.cssSelector("#part-output")).getAttribute("invalid") != null);
        type("#part-output input", (n - k + 1) + " x " + (n - k + 1));
        click("vaadin-button.submit");
        wait.until(d -> d.findElement(By.cssSelector("pre.feedback")).getText().startsWith("Correct"));
        assertThat(find("#part-output-mark").getText()).isEqualTo("✔");
    }

    /** Replaces a text area's whole text at once, as a paste would, and sends it (the editor previews as it changes). */
    private void setText(WebElement textarea, String text) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", textarea, text);
    }

    private static int value(String parameters, String name) {
        for (String line : parameters.split("\n")) {
            String[] kv = line.split("=");
            if (kv.length == 2 && kv[0].trim().equals(name)) {
                return Integer.parseInt(kv[1].trim());
            }
        }
        throw new AssertionError("no parameter " + name + " in " + parameters);
    }
}
