package org.convplay.benchmark.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Menu;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import org.convplay.AppTest;
import org.convplay.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** The benchmark page measures every engine with progress, and every page of the menu opens. */
@AppTest
class BenchmarkIT {

    @LocalServerPort
    int port;

    @Test
    void aSmallBenchmarkShowsARowPerEngineAndTheMachine() {
        try (Browser b = new Browser()) {
            b.open("http://localhost:" + port + "/benchmark");
            WebElement size = b.wait.until(d -> d.findElement(By.cssSelector("#benchmark-size input")));
            size.sendKeys(Keys.chord(Keys.CONTROL, "a"), "64", Keys.TAB);
            b.driver.findElement(By.id("benchmark-run")).click();
            b.wait.withTimeout(java.time.Duration.ofSeconds(90))
                    .until(d -> d.findElement(By.id("benchmark-status")).getText().startsWith("Measured 64x64"));
            String table = (String) b.script("return [...document.querySelectorAll('#benchmark-table vaadin-grid-cell-content')]"
                    + ".map(c => c.textContent).join(' ')");
            assertThat(table).contains("reference").contains("cpu").contains("opencv");
            assertThat(b.driver.findElement(By.id("benchmark-machine")).getText()).contains("cores");
        }
    }

    @Test
    void everyPageOfTheMenuOpensWithoutAnError() {
        try (Browser b = new Browser()) {
            b.open("http://localhost:" + port + "/");
            // the pages as the side navigation lists them for a visitor, not a list kept here
            @SuppressWarnings("unchecked")
            List<String> paths = (List<String>) b.script(
                    "return [...document.querySelectorAll('vaadin-side-nav-item')].map(i => i.path)");
            assertThat(paths).as("the menu a visitor sees").hasSize(anonymousMenuViews()).doesNotHaveDuplicates();
            for (String path : paths) {
                b.open("http://localhost:" + port + "/" + path.replaceFirst("^/", ""));
                b.wait.until(d -> !d.findElements(By.tagName("vaadin-app-layout")).isEmpty());
                assertThat(b.driver.getPageSource()).as(path).doesNotContain("Internal error").doesNotContain("Exception");
            }
        }
    }

    /** Views with a menu entry that a visitor without an account may open. */
    static int anonymousMenuViews() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Menu.class));
        int count = 0;
        for (BeanDefinition view : scanner.findCandidateComponents("org.convplay")) {
            try {
                if (Class.forName(view.getBeanClassName()).isAnnotationPresent(AnonymousAllowed.class)) {
                    count++;
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return count;
    }
}
