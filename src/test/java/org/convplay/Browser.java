package org.convplay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for the browser tests, with the machine's own driver (nothing is
 * downloaded) and a fresh profile per browser.
 */
public final class Browser implements AutoCloseable {

    public final WebDriver driver;
    public final WebDriverWait wait;
    private final Path profile;

    public Browser() {
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=en-US",
                "--user-data-dir=" + profile);
        // the console, for tests that read it (Content-Security-Policy violations are reported there)
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        // generous: a page's first load compiles views on a busy 2-core machine
        wait = waitFor(Duration.ofSeconds(45));
    }

    /**
     * A wait of its own (for {@code withMessage}, which changes the wait it is called on) that also outlasts a stale element: Vaadin may replace the element a condition just
     * found before the condition reads it (a CI run failed on exactly that), and the next poll
     * finds the new one.
     */
    public WebDriverWait waitFor(Duration timeout) {
        WebDriverWait w = new WebDriverWait(driver, timeout);
        w.ignoring(StaleElementReferenceException.class);
        return w;
    }

    /** Opens a page and waits until Vaadin has rendered it. */
    public void open(String url) {
        open(url, wait);
    }

    /** The same with a longer wait, for a first page that starts cold on a busy machine. */
    public void open(String url, Duration timeout) {
        open(url, waitFor(timeout));
    }

    private void open(String url, WebDriverWait wait) {
        driver.get(url);
        wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return !!window.Vaadin && !!window.Vaadin.Flow && window.Vaadin.Flow.clients"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())")));
    }

    /** An element inside a web component's shadow root. */
    public WebElement inShadow(String hostCss, String innerCss) {
        return wait.until(d -> {
            SearchContext root = d.findElement(By.cssSelector(hostCss)).getShadowRoot();
            return root.findElement(By.cssSelector(innerCss));
        });
    }

    public Object script(String js, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(js, args);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp profile does no harm
        }
    }
}
