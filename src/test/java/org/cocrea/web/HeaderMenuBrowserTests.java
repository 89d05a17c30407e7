package org.cocrea.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The site header in the system's headless Chromium: on a 390 px phone the menu is folded behind a "Menú" button (CSS
 * only, under the pages' CSP) so the header stays one short line, and opens by click or keyboard; on a desktop the
 * links show and the button does not.
 */
@CocreaIntegrationTest
class HeaderMenuBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void atPhoneWidthTheMenuIsFoldedAndOpensByClickOrKeyboard() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start("es", 390, 844)) {
            WebDriver browser = chromium.driver();
            browser.get("http://localhost:" + port + "/");
            WebElement header = browser.findElement(By.cssSelector("header.site-header"));
            int viewport = ((Number) ((JavascriptExecutor) browser)
                    .executeScript("return window.innerHeight")).intValue();
            assertThat(header.getSize().getHeight()).as("header height at 390 px of a %d px screen", viewport)
                    .isLessThan(viewport / 8);
            WebElement plan = browser.findElement(By.cssSelector("header nav a[href='/action-plan']"));
            assertThat(plan.isDisplayed()).as("links folded").isFalse();
            WebElement button = browser.findElement(By.cssSelector("label.menu-button[for=menu-toggle]"));
            assertThat(button.isDisplayed()).isTrue();
            assertThat(button.getText()).startsWith("Menú");

            button.click();
            wait(browser).until(ExpectedConditions.visibilityOf(plan));
            button.click();
            wait(browser).until(ExpectedConditions.invisibilityOf(plan));

            // Keyboard: Tab reaches the toggle (after the brand link), Space opens the menu.
            browser.findElement(By.cssSelector("a.brand")).sendKeys(Keys.TAB);
            WebElement focused = browser.switchTo().activeElement();
            assertThat(focused.getAttribute("id")).isEqualTo("menu-toggle");
            focused.sendKeys(Keys.SPACE);
            wait(browser).until(ExpectedConditions.visibilityOf(plan));
        }
    }

    @Test
    void onADesktopTheLinksShowAndTheButtonDoesNot() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start("es", 1280, 900)) {
            WebDriver browser = chromium.driver();
            browser.get("http://localhost:" + port + "/");
            assertThat(browser.findElement(By.cssSelector("header nav a[href='/action-plan']")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.cssSelector("label.menu-button")).isDisplayed()).isFalse();
        }
    }

    private static WebDriverWait wait(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }
}
