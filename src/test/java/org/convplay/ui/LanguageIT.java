package org.convplay.ui;

import org.convplay.AppTest;
import org.convplay.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The page speaks the browser's language, and the switch in the top bar changes it. */
@AppTest
class LanguageIT {

    @LocalServerPort
    int port;

    @Test
    void anEnglishBrowserGetsEnglishAndTheSwitchTurnsItIntoPortuguese() {
        try (Browser b = new Browser()) {
            b.open("http://localhost:" + port + "/");
            b.wait.until(d -> d.findElement(By.id("shape")).getText().equals("Output shape: 3 x 3"));
            b.script("document.querySelector('#language').click()");
            b.wait.until(d -> !d.findElements(By.cssSelector("vaadin-select-item")).isEmpty());
            b.wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                    .filter(i -> i.getText().contains("Português")).findFirst()).get().click();
            b.wait.until(d -> d.findElement(By.id("shape")).getText().equals("Forma da saída: 3 x 3"));
        }
    }
}
