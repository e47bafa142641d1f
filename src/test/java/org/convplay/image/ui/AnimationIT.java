package org.convplay.image.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.convplay.AppTest;
import org.convplay.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sliding window in a real browser: step, play, hover for the weighted sum, padding cells. */
@AppTest
class AnimationIT {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void open() {
        browser = new Browser();
        browser.open("http://localhost:" + port + "/animation", java.time.Duration.ofSeconds(90));
        browser.wait.until(d -> count("td.out") == 9);
    }

    @AfterEach
    void close() {
        browser.close();
    }

    long count(String css) {
        return (Long) browser.script("const w = document.querySelector('#window');"
                + "return w && w.shadowRoot ? w.shadowRoot.querySelectorAll(arguments[0]).length : 0;", css);
    }

    String shadowText(String css) {
        return browser.inShadow("#window", css).getText();
    }

    @Test
    void stepComputesOneCellAtATimeAndMovesTheWindow() {
        assertThat(shadowText("#position")).isEqualTo("Computed: 0 / 9");
        browser.inShadow("#window", "#step").click();
        browser.wait.until(d -> shadowText("#position").equals("Computed: 1 / 9"));
        assertThat(count("td.out.done")).isEqualTo(1);
        assertThat(count("td.win")).isEqualTo(9);
        assertThat(count("td.win[data-y='0'][data-x='0']")).isEqualTo(1);
        browser.inShadow("#window", "#step").click();
        browser.wait.until(d -> shadowText("#position").equals("Computed: 2 / 9"));
        // the window moved one column to the right
        assertThat(count("td.win[data-y='0'][data-x='0']")).isZero();
        assertThat(count("td.win[data-y='2'][data-x='3']")).isEqualTo(1);
        browser.inShadow("#window", "#reset").click();
        browser.wait.until(d -> shadowText("#position").equals("Computed: 0 / 9"));
    }

    @Test
    void playFillsTheWholeOutputAndPauseStopsIt() {
        browser.script("const s = document.querySelector('#window').shadowRoot.querySelector('#speed');"
                + "s.value = '20'; s.dispatchEvent(new Event('input'));");
        browser.inShadow("#window", "#play").click();
        browser.wait.until(d -> shadowText("#position").equals("Computed: 9 / 9"));
        assertThat(count("td.out.done")).isEqualTo(9);
        assertThat(browser.inShadow("#window", "#play").isEnabled()).isFalse();

        browser.inShadow("#window", "#reset").click();
        browser.script("const s = document.querySelector('#window').shadowRoot.querySelector('#speed');"
                + "s.value = '1'; s.dispatchEvent(new Event('input'));");
        browser.inShadow("#window", "#play").click();
        browser.wait.until(d -> !shadowText("#position").equals("Computed: 0 / 9"));
        browser.inShadow("#window", "#pause").click();
        String paused = shadowText("#position");
        browser.script("return new Promise(r => setTimeout(r, 1500))");
        assertThat(shadowText("#position")).isEqualTo(paused);
    }

    @Test
    void hoveringAnOutputCellLightsItsReceptiveFieldAndWritesItsSum() {
        WebElement cell = browser.inShadow("#window", "td.out[data-r='1'][data-c='0']");
        new Actions(browser.driver).moveToElement(cell).perform();
        // rows 1-3, columns 0-2 of the notebook's input under its X kernel
        browser.wait.until(d -> shadowText("#sum").equals(
                "out[1][0] = 0·1 + 1·0 + 1·1 + 0·0 + 0·1 + 1·0 + 0·1 + 0·0 + 1·1 = 2"));
        assertThat(count("td.rf")).isEqualTo(9);
        assertThat(count("td.rf[data-y='1'][data-x='0']")).isEqualTo(1);
        assertThat(count("td.rf[data-y='3'][data-x='2']")).isEqualTo(1);
    }

    @Test
    void paddingCellsAreDrawnAsPaddingWithTheirFill() {
        browser.driver.findElement(org.openqa.selenium.By.id("padding")).click();
        browser.wait.until(d -> Boolean.TRUE.equals(browser.script(
                "const i = [...document.querySelectorAll('vaadin-select-item')].find(e => e.textContent.trim() === 'same');"
                        + "if (i) { i.click(); return true; } return false;")));
        browser.wait.until(d -> count("td.out") == 25);
        // a 5x5 input padded by one on every side: 7x7 cells, 24 of them padding, holding zeros
        assertThat(count("td.pad")).isEqualTo(24);
        assertThat(shadowText("#fill")).isEqualTo("zero");
        assertThat(browser.inShadow("#window", "td.pad[data-y='0'][data-x='0']").getText()).isEqualTo("0");
    }
}
