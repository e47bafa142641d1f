package org.convplay.experiment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.convplay.AppTest;
import org.convplay.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Save, open the permalink in a fresh browser, fork, embed: the round trips of saved experiments. */
@AppTest
class ExperimentIT {

    @LocalServerPort
    int port;

    String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    @SuppressWarnings("unchecked")
    static List<List<String>> cells(Browser b, String id) {
        return (List<List<String>>) b.script("const m = document.querySelector('#" + id + "'); return m ? m.cells : null;");
    }

    static String saveAs(Browser b, String title) {
        String before = b.driver.getCurrentUrl();
        // a script click: the button may sit under the fixed top bar after scrolling
        WebElement save = b.wait.until(d -> d.findElement(By.id("save-experiment")));
        b.script("arguments[0].click()", save);
        WebElement field = b.wait.until(d -> d.findElement(By.cssSelector("#experiment-title input")));
        field.sendKeys(title);
        b.driver.findElement(By.id("experiment-confirm")).click();
        b.wait.until(d -> d.getCurrentUrl().contains("/e/") && !d.getCurrentUrl().equals(before));
        b.wait.until(d -> d.getCurrentUrl().equals(b.script("const p = document.querySelector('#permalink'); return p && p.value")));
        return b.driver.getCurrentUrl();
    }

    @Test
    void aSavedPlaygroundOpensIdenticallyInAFreshBrowserAndAForkRemembersItsParent() {
        String permalink;
        List<List<String>> input;
        List<List<String>> result;
        try (Browser first = new Browser()) {
            first.open(url(""));
            WebElement cell = first.inShadow("#kernel", "input[data-r='0'][data-c='1']");
            cell.sendKeys(Keys.chord(Keys.CONTROL, "a"), "7");
            first.wait.until(d -> "7".equals(cells(first, "kernel").get(0).get(1)) && !cells(first, "result").get(0).get(0).equals("4"));
            input = cells(first, "input");
            result = cells(first, "result");
            permalink = saveAs(first, "Kernel with a 7");
        }
        assertThat(permalink).contains("/e/");

        try (Browser second = new Browser()) {
            second.open(permalink);
            second.wait.until(d -> cells(second, "result") != null && cells(second, "result").equals(result));
            assertThat(cells(second, "input")).isEqualTo(input);
            assertThat(cells(second, "kernel").get(0).get(1)).isEqualTo("7");
            assertThat(second.driver.findElement(By.id("experiment-title-heading")).getText()).isEqualTo("Kernel with a 7");

            WebElement cell = second.inShadow("#kernel", "input[data-r='2'][data-c='2']");
            cell.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0");
            second.wait.until(d -> !cells(second, "result").equals(result));
            String forkLink = saveAs(second, "Fork without the corner");
            assertThat(forkLink).isNotEqualTo(permalink);
            WebElement forked = second.wait.until(d -> d.findElement(By.id("forked-from")));
            assertThat(forked.getText()).contains("Kernel with a 7");
            second.wait.until(d -> "0".equals(cells(second, "kernel").get(2).get(2)));

            second.driver.get(permalink.replace("/e/", "/embed/"));
            second.wait.until(d -> !d.findElements(By.id("open-in-playground")).isEmpty());
            assertThat(second.driver.findElement(By.tagName("body")).getText()).contains("Kernel with a 7").contains("Output [1, 3, 3]");
        }
    }

    /** A band-view's size and a checksum of its values, once it has drawn them; null before. */
    static Object band(Browser b, String id) {
        return b.script("const v = document.querySelector(arguments[0]);"
                + "if (!v || !v.hasAttribute('ready') || !v.values) return null;"
                + "let s = 0; for (let i = 0; i < v.values.length; i++) s += v.values[i] * ((i % 97) + 1);"
                + "return [v.rows, v.columns, s, v.label];", "#" + id);
    }

    @Test
    void aSavedImagesPageOpensWithTheSamePictureSettingsAndBandsInAFreshBrowser() {
        String permalink;
        Object band1;
        Object band3;
        try (Browser first = new Browser()) {
            first.open(url("images"), java.time.Duration.ofSeconds(90));
            first.wait.until(d -> band(first, "band-3") != null);
            Object before = band(first, "band-1");
            first.script("document.querySelector('#gray').click()");
            first.wait.until(d -> !d.findElements(By.id("channel-gray")).isEmpty());
            first.wait.until(d -> band(first, "band-1") != null && !band(first, "band-1").equals(before) && band(first, "band-3") != null);
            band1 = band(first, "band-1");
            band3 = band(first, "band-3");
            permalink = saveAs(first, "Shapes in gray");
        }
        try (Browser second = new Browser()) {
            second.open(permalink, java.time.Duration.ofSeconds(90));
            second.wait.until(d -> band1.equals(band(second, "band-1")) && band3.equals(band(second, "band-3")));
            assertThat(second.driver.findElement(By.id("image-info")).getText()).startsWith("shapes-colour.png: 256 x 256 pixels, RGB");
            assertThat(second.script("return document.querySelector('#gray').checked")).isEqualTo(true);
            assertThat(second.driver.findElements(By.id("channel-gray"))).hasSize(1);

            second.driver.get(permalink.replace("/e/", "/embed/"));
            second.wait.until(d -> !d.findElements(By.id("open-in-playground")).isEmpty());
            assertThat(second.driver.findElement(By.tagName("body")).getText()).contains("Shapes in gray")
                    .contains("3 band(s) of 256 x 256");
            assertThat(second.driver.findElements(By.cssSelector("img.band"))).hasSize(3);
        }
    }

    @Test
    void anUnknownIdShowsAFriendlyNotice() {
        try (Browser b = new Browser()) {
            b.open(url("e/AAAAAAAAAAAAAAAA"));
            WebElement notice = b.wait.until(d -> d.findElement(By.id("experiment-notice")));
            assertThat(notice.getText()).contains("no experiment");
        }
    }
}
