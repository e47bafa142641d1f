package org.convplay.convolve.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.convplay.AppTest;
import org.convplay.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The playground in a real browser: typing, pasting and a 64x64 matrix. */
@AppTest
class PlaygroundIT {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void open() {
        browser = new Browser();
        browser.open("http://localhost:" + port + "/");
    }

    @AfterEach
    void close() {
        browser.close();
    }

    /** The result's cells as the page shows them, row-major. */
    @SuppressWarnings("unchecked")
    List<String> resultCells() {
        return (List<String>) browser.script(
                "const r = document.querySelector('#result');"
                        + "return r ? r.cells.flat() : [];");
    }

    @Test
    void theNotebookExampleIsShownAndEditingAKernelCellChangesTheResult() {
        browser.wait.until(d -> resultCells().equals(List.of("4", "3", "4", "2", "4", "3", "2", "3", "4")));
        WebElement centre = browser.inShadow("#kernel", "input[data-r='1'][data-c='1']");
        centre.sendKeys(Keys.chord(Keys.CONTROL, "a"), "3");
        // the centre weight goes from 1 to 3: every output cell over an input 1 gains 2
        browser.wait.until(d -> resultCells().equals(List.of("6", "5", "6", "2", "6", "5", "2", "5", "6")));
    }

    @Test
    void pastingANumpyListReplacesTheKernel() {
        WebElement text = browser.wait.until(d -> d.findElement(org.openqa.selenium.By.cssSelector("#kernel-text textarea")));
        text.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        text.sendKeys("[[0, 0], [0, 1]]");
        text.sendKeys(Keys.TAB);
        browser.wait.until(d -> resultCells().size() == 16);
        // a kernel that picks in[y+1][x+1]: the result is the input without its first row and column
        assertThat(resultCells().subList(0, 4)).containsExactly("1", "1", "1", "0");
        assertThat(browser.script("return document.querySelector('#kernel').cells.length")).isEqualTo(2L);
    }

    @Test
    void aCellThatIsNotANumberShowsAMessageNamingIt() {
        WebElement cell = browser.inShadow("#input", "input[data-r='0'][data-c='2']");
        cell.sendKeys(Keys.chord(Keys.CONTROL, "a"), "x");
        browser.wait.until(d -> d.findElement(org.openqa.selenium.By.id("error")).getText()
                .contains("input[0][2] is 'x', which is not a number"));
    }

    @Test
    void aSixtyFourBySixtyFourInputIsEditedCellByCell() {
        StringBuilder rows = new StringBuilder("[");
        for (int y = 0; y < 64; y++) {
            rows.append(y == 0 ? "[" : ",[");
            for (int x = 0; x < 64; x++) {
                rows.append(x == 0 ? "" : ",").append((x + y) % 2);
            }
            rows.append(']');
        }
        rows.append(']');
        browser.script("const t = document.querySelector('#input-text');"
                + "t.value = arguments[0]; t.dispatchEvent(new Event('change'));", rows.toString());
        browser.wait.until(d -> resultCells().size() == 62 * 62);
        String before = resultCells().get(0);
        WebElement cell = browser.inShadow("#input", "input[data-r='1'][data-c='1']");
        cell.sendKeys(Keys.chord(Keys.CONTROL, "a"), "10");
        // in[1][1] sits under the X kernel's centre for output (0,0): the sum grows by 10 - 0
        browser.wait.until(d -> !resultCells().get(0).equals(before));
        assertThat(Double.parseDouble(resultCells().get(0))).isEqualTo(Double.parseDouble(before) + 10);
    }
}
