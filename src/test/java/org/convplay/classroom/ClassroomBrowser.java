package org.convplay.classroom;

import org.convplay.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The classroom's pages driven in a real browser: the small steps around signing up and in ({@link BrowserAccounts}). */
final class ClassroomBrowser {

    final Browser browser;
    private final int port;
    private final BrowserAccounts accounts;

    ClassroomBrowser(Browser browser, int port) {
        this.browser = browser;
        this.port = port;
        this.accounts = new BrowserAccounts(browser, port);
    }

    void open(String path) {
        browser.driver.get("http://localhost:" + port + "/" + path);
    }

    WebElement find(String css) {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    void click(String css) {
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    /** A click sent by script, for controls that an overlay closing or a sticky header may still cover. */
    void clickByScript(String css) {
        WebElement e = find(css);
        browser.script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", e);
    }

    /** Sets a Vaadin field's value as typing would (the server reads it on "change"), wherever the field is on the page. */
    void setValue(String css, String value) {
        WebElement e = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
        browser.script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new CustomEvent('change', {bubbles: true}));", e, value);
    }

    void signUp(String username, boolean teacher) {
        accounts.signUp(username, teacher);
    }

    void signIn(String username) {
        accounts.signIn(username);
    }

    /** "Sign out" in the top bar, on whatever page is open. */
    void signOut() {
        click("#sign-out");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        browser.driver.manage().deleteAllCookies();
    }

    /** Picks an item of a vaadin-select by its visible text. */
    void choose(String selectId, String item) {
        WebElement select = browser.driver.findElement(By.id(selectId));
        browser.script("arguments[0].scrollIntoView({block: 'center'})", select);
        select.click();
        browser.wait.until(d -> Boolean.TRUE.equals(browser.script(
                "const i = [...document.querySelectorAll('vaadin-select-item')].find(e => e.textContent.trim() === arguments[0]);"
                        + "if (i) { i.click(); return true; } return false;", item)));
    }
}
