package org.convplay.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convplay.AppTest;
import org.convplay.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A practical done on the images page inside a class, in a real browser: the teacher assigns "convolve a gray
 * image"; the student opens it on the images page, picks a sample, converts it to gray, adds a filter, answers
 * the shape and submits; the teacher's grade table links to the page state the student submitted, which opens
 * as it was. Needs the production frontend bundle and Chromium with its driver.
 */
@AppTest
class PracticalInClassIT {

    @LocalServerPort
    int port;

    Browser browser;
    ClassroomBrowser pages;

    @BeforeEach
    void browser() {
        browser = new Browser();
        pages = new ClassroomBrowser(browser, port);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aStudentDoesTheGrayPracticalOnTheImagesPageAndTheTeacherOpensIt() throws Exception {
        try {
            flow();
        } catch (Throwable t) {
            java.nio.file.Files.write(java.nio.file.Path.of("target", "practical-in-class-failure.png"),
                    ((org.openqa.selenium.TakesScreenshot) browser.driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "practical-in-class-failure.html"), browser.driver.getPageSource());
            throw t;
        }
    }

    private void flow() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        String teacher = "prof" + suffix;
        String student = "aluno" + suffix;

        pages.signUp(teacher, true);
        pages.signIn(teacher);
        pages.open("classroom");
        assertThat(pages.find("#signed-in-as").getText()).isEqualTo(teacher.toUpperCase() + " (Teacher)");
        String[] created = pages.createClassWithAssignment("Visão computacional", "Prática 2", "gray image");
        String joinCode = created[0];
        String gradesHref = created[1];
        pages.signOut();

        pages.signUp(student, false);
        pages.signIn(student);
        pages.joinAndOpenAssignment(joinCode);
        pages.click("a.open-task");

        // the images page with the task bar: the student's own variant says which padding to use
        WebElement bar = pages.find("#task-bar");
        browser.wait.until(d -> bar.getText().contains("Task: Practical: convolve a gray image"));
        Matcher m = Pattern.compile("set the padding to (valid|same)").matcher(bar.getText());
        assertThat(m.find()).as(bar.getText()).isTrue();
        String padding = m.group(1);
        // the colour sample is shown first; the gray one, then the colour one again, is a change each time
        pages.choose("sample", "Shapes, gray (256 x 256)");
        browser.wait.until(d -> pages.find("#image-info").getText().startsWith("shapes-gray.png"));
        pages.choose("sample", "Shapes, colour (256 x 256)");
        browser.wait.until(d -> pages.find("#image-info").getText().startsWith("shapes-colour.png"));
        pages.clickByScript("#gray");
        browser.wait.until(d -> d.findElements(By.id("channel-gray")).size() == 1);
        pages.clickByScript("#add-filter");
        browser.wait.until(d -> d.findElements(By.id("band-4")).size() == 1);
        pages.choose("padding", padding);
        pages.setValue("#part-shape", padding.equals("valid") ? "254 x 254" : "256 x 256");
        pages.clickByScript("#task-check");
        browser.waitFor(Duration.ofSeconds(45)).withMessage(() -> "no grade: " + bar.getText())
                .until(d -> pages.find("#task-result").getText().startsWith("Submitted"));
        assertThat(pages.find("#task-feedback").getText()).startsWith("✔");
        assertThat(pages.find("#task-item-gray").getText()).startsWith("✔");
        assertThat(pages.find("#task-item-shape").getText()).startsWith("✔");

        // the assignment page shows the exercise done
        pages.open(gradesHref.replaceFirst("^https?://[^/]+/", "").replace("/grades", ""));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("exercise-practical-gray"), "✔ Done"));
        pages.signOut();

        pages.signIn(teacher);
        browser.driver.get(gradesHref);
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("grades"), "100.0 %"));
        assertThat(pages.find("#exercise-stats").getText()).contains("practical-gray");
        String experiment = pages.find("a.experiment-link").getAttribute("href");
        browser.driver.get(experiment);
        // the same state: the colour sample converted to gray, four filters and the student's padding
        browser.wait.until(d -> pages.find("#image-info").getText().startsWith("shapes-colour.png"));
        assertThat(pages.find("#gray").getAttribute("checked")).isNotNull();
        browser.wait.until(d -> d.findElements(By.id("band-4")).size() == 1);
        assertThat(pages.find("#padding").getText()).contains(padding);
    }
}
