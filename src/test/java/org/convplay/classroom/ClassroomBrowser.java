package org.convplay.classroom;

import java.time.Duration;
import java.util.Locale;
import org.convplay.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The classroom's pages driven in a real browser: the small steps around signing up and in ({@link BrowserAccounts}),
 * and the browser's side of the classroom fixture (a class with an assignment, a student who joins it).
 */
public final class ClassroomBrowser {

    public final Browser browser;
    private final String base;
    private final BrowserAccounts accounts;

    public ClassroomBrowser(Browser browser, int port) {
        this(browser, "http://localhost:" + port + "/");
    }

    /** Through any address ending in "/", a proxy's for instance. */
    public ClassroomBrowser(Browser browser, String base) {
        this.browser = browser;
        this.base = base;
        this.accounts = new BrowserAccounts(browser, base);
    }

    public void open(String path) {
        browser.driver.get(base + path);
    }

    public WebElement find(String css) {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public void type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
    }

    public void click(String css) {
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    /** A click sent by script, for controls that an overlay closing or a sticky header may still cover. */
    public void clickByScript(String css) {
        WebElement e = find(css);
        browser.script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", e);
    }

    /** Sets a Vaadin field's value as typing would (the server reads it on "change"), wherever the field is on the page. */
    public void setValue(String css, String value) {
        WebElement e = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
        browser.script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new CustomEvent('change', {bubbles: true}));", e, value);
    }

    public void signUp(String username, boolean teacher) {
        accounts.signUp(username, teacher);
    }

    public void signIn(String username) {
        accounts.signIn(username);
    }

    /**
     * As the signed-in teacher: a new class and in it an assignment of the one exercise whose name in the picker
     * contains {@code exercise} (case ignored). Returns the class's join code and the address of the assignment's grades.
     */
    public String[] createClassWithAssignment(String className, String title, String exercise) {
        open("classroom");
        type("#class-name input", className);
        click("#create-class");
        click("#classes a");
        String joinCode = find("#join-code").getText().replaceAll(".*:\\s*", "").trim();
        type("#assignment-title input", title);
        WebElement picker = find("#assignment-exercises input");
        picker.click();
        picker.sendKeys(exercise);
        String wanted = exercise.toLowerCase(Locale.ROOT);
        browser.wait.until(d -> d.findElements(By.cssSelector("vaadin-multi-select-combo-box-item")).stream()
                .filter(e -> e.isDisplayed() && e.getText().toLowerCase(Locale.ROOT).contains(wanted)).findFirst().orElse(null))
                .click();
        picker.sendKeys(Keys.ESCAPE);
        click("#create-assignment");
        // a wait of its own: withMessage changes the wait it is called on
        browser.waitFor(Duration.ofSeconds(45))
                .withMessage(() -> "the assignment was not created: " + browser.driver.findElements(By.id("assignment-error"))
                        .stream().map(WebElement::getText).findFirst().orElse("(no error shown)"))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#assignments a")));
        return new String[] {joinCode, find("#assignments a").getAttribute("href")};
    }

    /** As the signed-in student: joins the class with its code and opens its first assignment. */
    public void joinAndOpenAssignment(String joinCode) {
        open("classroom");
        type("#join-code input", joinCode);
        click("#join");
        click("#assignments a");
    }

    /** "Sign out" in the top bar, on whatever page is open. */
    public void signOut() {
        click("#sign-out");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        browser.driver.manage().deleteAllCookies();
    }

    /** Picks an item of a vaadin-select by its visible text. */
    public void choose(String selectId, String item) {
        WebElement select = browser.driver.findElement(By.id(selectId));
        browser.script("arguments[0].scrollIntoView({block: 'center'})", select);
        select.click();
        browser.wait.until(d -> Boolean.TRUE.equals(browser.script(
                "const i = [...document.querySelectorAll('vaadin-select-item')].find(e => e.textContent.trim() === arguments[0]);"
                        + "if (i) { i.click(); return true; } return false;", item)));
    }
}
