package org.cocrea.support;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * How a browser test logs into a Camunda webapp (Tasklist, Cockpit, Admin). The one place that knows the login
 * steps, so that a change of the login flow (e.g. single sign-on) changes only this class.
 */
public final class WebappLogin {

    private WebappLogin() {
    }

    /**
     * Opens the webapp's start page, logs in and waits until the app has replaced the login form.
     *
     * @param browser  the browser (its cookies decide whether a session already exists; delete them first for a
     *                 fresh login)
     * @param baseUrl  the server's address, e.g. {@code http://localhost:8081}
     * @param webapp   {@code tasklist}, {@code cockpit} or {@code admin}
     * @param user     user id
     * @param password the user's password
     * @throws org.openqa.selenium.TimeoutException if the login form or the app does not show within 30 s (wrong
     *                                              password, user without access to the webapp)
     */
    public static void logIn(WebDriver browser, String baseUrl, String webapp, String user, String password) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(baseUrl + "/camunda/app/" + webapp + "/default/");
        WebElement name = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("form[name='signinForm'] input[ng-model='username']")));
        name.sendKeys(user);
        browser.findElement(By.cssSelector("form[name='signinForm'] input[type='password']")).sendKeys(password);
        browser.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("form[name='signinForm']")));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }
}
