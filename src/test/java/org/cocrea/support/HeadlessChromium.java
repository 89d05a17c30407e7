package org.cocrea.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The browser of the browser tests: Debian's headless {@code chromium} through the system {@code chromedriver}
 * (packages {@code chromium} and {@code chromium-driver}, which {@code .ci/run} installs; {@code CHROMIUM_BINARY} and
 * {@code CHROMEDRIVER} override the paths). No browser is downloaded.
 */
public final class HeadlessChromium implements AutoCloseable {

    static final File CHROMIUM = new File(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
    static final File CHROMEDRIVER = new File(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

    private final ChromeDriverService service;
    private final WebDriver driver;

    private HeadlessChromium(ChromeDriverService service, WebDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    /**
     * Starts a browser.
     *
     * @param language the browser's language and its {@code Accept-Language}, e.g. {@code es} or {@code en}
     * @param width    window width in pixels
     * @param height   window height in pixels
     * @return the started browser, page loads limited to 30 s
     * @throws java.io.IOException if chromedriver does not start
     * @throws AssertionError      if Chromium or chromedriver is not installed (the message says how to install them)
     */
    public static HeadlessChromium start(String language, int width, int height) throws IOException {
        assertThat(CHROMIUM).as("headless Chromium is needed: apt-get install -y chromium chromium-driver "
                + "(or set CHROMIUM_BINARY)").canRead();
        assertThat(CHROMEDRIVER).as("chromedriver is needed: apt-get install -y chromium chromium-driver "
                + "(or set CHROMEDRIVER)").canRead();
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        service.start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=" + language, "--window-size=" + width + "," + height);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new HeadlessChromium(service, driver);
    }

    /** @return the WebDriver of this browser */
    public WebDriver driver() {
        return driver;
    }

    /** Quits the browser and stops chromedriver. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
