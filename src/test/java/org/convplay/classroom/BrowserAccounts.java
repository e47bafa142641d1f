package org.convplay.classroom;

import org.convplay.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Signing up, in and out through the real pages, for the browser tests of the classroom. */
public final class BrowserAccounts {

    public static final String PASSWORD = "a long enough password";

    private final Browser browser;
    private final String base;

    public BrowserAccounts(Browser browser, int port) {
        this(browser, "http://localhost:" + port + "/");
    }

    /** Through any address ending in "/", a proxy's for instance. */
    public BrowserAccounts(Browser browser, String base) {
        this.browser = browser;
        this.base = base;
    }

    private WebElement find(String css) {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    private void click(String css) {
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    public void signUp(String username, boolean teacher) {
        browser.driver.get(base + "signup");
        type("#username input", username);
        type("#display-name input", username.toUpperCase());
        type("#password input", PASSWORD);
        if (teacher) {
            click("#role vaadin-radio-button:nth-of-type(2)");
        }
        click("#create-account");
        browser.wait.until(ExpectedConditions.urlContains("/login"));
    }

    public void signIn(String username) {
        browser.driver.get(base + "login");
        type("vaadin-login-form vaadin-text-field[name='username'] input", username);
        WebElement password = find("vaadin-login-form vaadin-password-field[name='password'] input");
        password.sendKeys(PASSWORD);
        password.sendKeys(Keys.ENTER);
        browser.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    public void signOut() {
        browser.driver.get(base + "classroom");
        click("#sign-out");
        browser.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/classroom")));
        browser.driver.manage().deleteAllCookies();
    }
}
