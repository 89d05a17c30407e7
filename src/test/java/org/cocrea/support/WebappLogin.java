package org.cocrea.support;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
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
     * Opens the webapp's start page, which sends an unauthenticated browser to {@code /login} (the one login of the
     * staff pages and the webapps), logs in there and waits until the browser is back in the webapp.
     *
     * @param browser  the browser (its cookies decide whether a session already exists; delete them first for a
     *                 fresh login)
     * @param baseUrl  the server's address, e.g. {@code http://localhost:8081}
     * @param webapp   {@code tasklist}, {@code cockpit} or {@code admin}
     * @param user     user id
     * @param password the user's password
     * @throws org.openqa.selenium.TimeoutException if the login form or the webapp does not show within 30 s (wrong
     *                                              password)
     */
    public static void logIn(WebDriver browser, String baseUrl, String webapp, String user, String password) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(baseUrl + "/camunda/app/" + webapp + "/default/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form[action='/login'] button[type='submit']")).click();
        wait.until(ExpectedConditions.urlContains("/camunda/app/" + webapp + "/default/"));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }
}
