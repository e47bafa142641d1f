package org.convplay.benchmark.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.convplay.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The benchmark page measures every engine with progress, and every page of the menu opens. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:benchmark-it;DB_CLOSE_DELAY=-1")
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
            for (String path : new String[] {"", "compare", "pipeline", "benchmark", "experiments"}) {
                b.open("http://localhost:" + port + "/" + path);
                b.wait.until(d -> !d.findElements(By.tagName("vaadin-app-layout")).isEmpty());
                assertThat(b.driver.getPageSource()).as(path).doesNotContain("Internal error").doesNotContain("Exception");
            }
        }
    }
}
