package org.convplay.image.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.convplay.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.interactions.Actions;

/**
 * Takes docs/screenshots/images.png and animation.png from a running application in headless Chromium,
 * with the animation stepped and an output cell under the pointer. Run by hand:
 * {@code java -cp target/test-classes:target/classes:<classpath> org.convplay.image.ui.ScreenshotsMaker http://localhost:8080 docs/screenshots}
 */
public final class ScreenshotsMaker {

    private ScreenshotsMaker() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        Path dir = Path.of(args.length > 1 ? args[1] : "docs/screenshots");
        try (Browser browser = new Browser()) {
            browser.driver.manage().window().setSize(new Dimension(1400, 3000));
            browser.open(base + "/images", Duration.ofSeconds(90));
            browser.wait.until(d -> Boolean.TRUE.equals(browser.script(
                    "return ['#band-1', '#band-2', '#band-3'].every(s => document.querySelector(s)?.hasAttribute('ready'))")));
            shoot(browser, dir.resolve("images.png"));

            browser.driver.manage().window().setSize(new Dimension(1400, 1100));
            browser.open(base + "/animation", Duration.ofSeconds(90));
            browser.driver.findElement(By.id("padding")).click();
            browser.wait.until(d -> Boolean.TRUE.equals(browser.script(
                    "const i = [...document.querySelectorAll('vaadin-select-item')].find(e => e.textContent.trim() === 'same');"
                            + "if (i) { i.click(); return true; } return false;")));
            browser.wait.until(d -> Boolean.TRUE.equals(browser.script(
                    "return document.querySelector('#window').shadowRoot.querySelectorAll('td.out').length === 25")));
            for (int i = 0; i < 8; i++) {
                browser.inShadow("#window", "#step").click();
            }
            new Actions(browser.driver).moveToElement(browser.inShadow("#window", "td.out[data-r='1'][data-c='2']")).perform();
            Thread.sleep(300);
            shoot(browser, dir.resolve("animation.png"));
        }
    }

    private static void shoot(Browser browser, Path file) throws Exception {
        Files.write(file, ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.BYTES));
        System.out.println("wrote " + file);
    }
}
