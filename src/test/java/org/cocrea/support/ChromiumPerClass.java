package org.cocrea.support;

import java.io.IOException;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;

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
}
