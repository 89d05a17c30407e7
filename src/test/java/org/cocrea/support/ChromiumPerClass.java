package org.cocrea.support;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One {@link HeadlessChromium} per test class, as a JUnit 5 extension: started before the class's first test and
 * closed after its last, so browser tests declare
 * {@code @RegisterExtension static final ChromiumPerClass chromium = new ChromiumPerClass("es", 1400, 1000);} instead
 * of their own {@code @BeforeAll}/{@code @AfterAll} pair.
 */
public final class ChromiumPerClass implements BeforeAllCallback, AfterAllCallback {

    private final String language;
    private final int width;
    private final int height;
    private HeadlessChromium chromium;

    /**
     * @param language the browser's language and its {@code Accept-Language}, e.g. {@code es} or {@code en}
     * @param width    window width in pixels
     * @param height   window height in pixels
     */
    public ChromiumPerClass(String language, int width, int height) {
        this.language = language;
        this.width = width;
        this.height = height;
    }

    /**
     * Starts the browser ({@link HeadlessChromium#start(String, int, int)}).
     *
     * @throws IOException if chromedriver does not start
     */
    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        chromium = HeadlessChromium.start(language, width, height);
    }

    /** Quits the browser and stops chromedriver, if it started. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    /**
     * @return the class's browser
     * @throws IllegalStateException outside the class's tests (before {@code beforeAll} or after {@code afterAll})
     */
    public WebDriver driver() {
        if (chromium == null) {
            throw new IllegalStateException("the browser runs only during the test class");
        }
        return chromium.driver();
    }

    /**
     * Opens the address and waits until the page has loaded.
     *
     * @param url the whole address, e.g. {@code http://localhost:8080/proposals}
     */
    public void open(String url) {
        driver().get(url);
        waitForLoadedPage();
    }

    /**
     * Clicks what leads to another page and waits for that page: the old document goes stale, the new one finishes
     * loading. Reading the URL or the page right after {@code click()} races the navigation on a busy machine.
     *
     * @param target the link or button
     */
    public void navigateBy(By target) {
        WebElement oldPage = driver().findElement(By.tagName("html"));
        driver().findElement(target).click();
        waitFor().until(ExpectedConditions.stalenessOf(oldPage));
        waitForLoadedPage();
    }

    /** Waits until the current document's {@code readyState} is {@code complete}. */
    public void waitForLoadedPage() {
        waitFor().until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** @return a wait of at most 30 seconds on the class's browser, for conditions the test names */
    public WebDriverWait waitFor() {
        return new WebDriverWait(driver(), Duration.ofSeconds(30));
    }
}
