package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.HeadlessChromium;
import org.cocrea.support.TestFixtures;
import org.cocrea.support.WebappLogin;
import org.cocrea.support.WebappTranslations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist speaks the browser's language, in the system's headless Chromium (see {@link HeadlessChromium}): an area
 * user opens a feasibility review, makes the form show a validation message, opens the due-date picker and then the
 * keyboard-shortcut help. With a Spanish browser no text of Tasklist's English locale file shows anywhere on the
 * screen (text, placeholders, tooltips), form-js's messages, the date picker and the shortcut help are Spanish and the
 * Camunda 8 banner is hidden. With an English browser it is the reverse: Tasklist's own texts are English and none of
 * our Spanish ones shows (the task form and the process data stay Spanish: they are the project's content, in one
 * language).
 */
@CocreaIntegrationTest
class TasklistLanguageBrowserTests {

    static final String USER = "idioma-ambiente";

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    TaskService taskService;

    Task task;

    @BeforeEach
    void feasibilityReviewAssignedToTheAreaUser() {
        task = fixtures.feasibilityReview(USER).task();
        taskService.claim(task.getId(), USER);
    }

    @Test
    void aSpanishBrowserSeesNoEnglishChrome() throws IOException {
        try (HeadlessChromium chromium = HeadlessChromium.start("es-AR", 1400, 1000)) {
            WebDriver browser = chromium.driver();
            openTheTaskAndItsDatePicker(browser);

            assertThat(browser.findElement(completeButton()).getText()).isEqualTo("Completar");
            assertThat(browser.findElement(By.cssSelector(".fjs-form-field-error li")).getText())
                    .isEqualTo("Campo obligatorio.");
            assertThat(browser.findElement(By.cssSelector("[uib-datepicker] .uib-title")).getText())
                    .matches("(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre"
                            + "|diciembre) de \\d{4}");
            assertThat(browser.findElement(By.cssSelector("[uib-datepicker] thead")).getText())
                    .contains("lun. mar. mié. jue. vie. sáb. dom.");
            assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")))
                    .allSatisfy(banner -> assertThat(banner.isDisplayed()).as("Camunda 8 banner").isFalse());

            List<String> english = WebappTranslations.distinctive("tasklist", "en", "es");
            assertThat(english).hasSizeGreaterThan(300);
            String screen = screenText(browser, false);
            assertThat(found(english, screen)).as("English texts of Tasklist on the screen:%n%s", screen).isEmpty();

            assertThat(localeFilesLoaded(browser)).as("Tasklist's locale files").containsOnly("es");

            assertThat(shortcutHelp(browser)).contains("toma la tarea elegida")
                    .doesNotContain("claims the currently selected task");
        }
    }

    @Test
    void anEnglishBrowserSeesNoSpanishChrome() throws IOException {
        try (HeadlessChromium chromium = HeadlessChromium.start("en-US", 1400, 1000)) {
            WebDriver browser = chromium.driver();
            openTheTaskAndItsDatePicker(browser);

            assertThat(browser.findElement(completeButton()).getText()).isEqualTo("Complete");
            assertThat(browser.findElement(By.cssSelector(".fjs-form-field-error li")).getText())
                    .isEqualTo("Field is required.");
            assertThat(browser.findElement(By.cssSelector("[uib-datepicker] .uib-title")).getText())
                    .matches("(January|February|March|April|May|June|July|August|September|October|November"
                            + "|December) \\d{4}");
            assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")))
                    .allSatisfy(banner -> assertThat(banner.isDisplayed()).as("Camunda 8 banner").isFalse());

            List<String> spanish = WebappTranslations.distinctive("tasklist", "es", "en");
            String screen = screenText(browser, true);
            assertThat(screen).contains("Unclaim", "Created");
            assertThat(found(spanish, screen)).as("Spanish texts of Tasklist on the screen:%n%s", screen).isEmpty();

            // Only en.json: with the es file loading beside it, texts read before en.json arrived stayed Spanish.
            assertThat(localeFilesLoaded(browser)).as("Tasklist's locale files").containsOnly("en");

            assertThat(shortcutHelp(browser)).contains("claims the currently selected task");

            // Loading the es file later (a switch of language and back) must not leave relative times ("hace 5
            // minutos") in Spanish: moment makes each loaded file's locale the global one.
            assertThat(((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const injector = angular.element(document.querySelector('.ng-scope')).injector();
                    const translate = injector.get('$translate');
                    translate.use('es').then(() => translate.use('en')).then(
                        () => done(injector.get('moment').locale()), e => done('switch failed: ' + e));
                    """)).as("moment's locale after the es file loaded and English came back").isEqualTo("en");
        }
    }

    /** Logs in, opens the task, makes a required field show its message and opens the due-date picker. */
    private void openTheTaskAndItsDatePicker(WebDriver browser) {
        WebappLogin.logIn(browser, "http://localhost:" + port, "tasklist", USER, "secret");
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        // Tasklist loads the form after the task list and the task; on a loaded CI machine that can take long.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
        WebElement contact = wait.until(ExpectedConditions.elementToBeClickable(field("Field_contactPerson")));
        contact.sendKeys("J");
        contact.sendKeys(Keys.BACK_SPACE);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form-field-error li")));
        click(browser, By.cssSelector("span.due-date[cam-widget-inline-field]"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[uib-datepicker] .uib-title")));
    }

    /** The languages of the {@code app/tasklist/locales/<lang>.json} files the page has loaded, e.g. {@code [en]}. */
    @SuppressWarnings("unchecked")
    private static List<String> localeFilesLoaded(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                return performance.getEntriesByType('resource').map(e => e.name)
                    .map(name => /\\/app\\/tasklist\\/locales\\/([a-z]+)\\.json/.exec(name))
                    .filter(match => match).map(match => match[1]);
                """);
    }

    /** Opens Tasklist's keyboard-shortcut help and returns its table's text. */
    private static String shortcutHelp(WebDriver browser) {
        click(browser, By.cssSelector("a.showShortcutHelp"));
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".modal-body table"))).getText();
    }

    /**
     * The text a user reads on the screen: the visible text plus the placeholders and tooltips of visible elements.
     *
     * @param withoutContent leave out the task form, the names of the tasks, filters and processes and the user names (the
     *                       project's Spanish content, not Tasklist's)
     */
    private static String screenText(WebDriver browser, boolean withoutContent) {
        Object text = ((JavascriptExecutor) browser).executeScript("""
                const skip = arguments[0] ? '.fjs-container, .names, h4.name, h5.assignee, \
                [ng-if^="assignee.firstName"], [cam-widget-header] .account' : null;
                const visible = e => e.offsetParent !== null && !(skip && e.closest(skip));
                const parts = [];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                let node;
                while ((node = walker.nextNode())) {
                  if (node.parentElement && visible(node.parentElement) && !node.parentElement.closest('script, style')
                      && node.data.trim()) {
                    parts.push(node.data.trim());
                  }
                }
                document.querySelectorAll('[placeholder], [title], [uib-tooltip], [aria-label]').forEach(e => {
                  if (visible(e)) {
                    ['placeholder', 'title', 'uib-tooltip', 'aria-label'].forEach(a => {
                      if (e.getAttribute(a)) parts.push(e.getAttribute(a));
                    });
                  }
                });
                return parts.join('\\n');
                """, withoutContent);
        return (String) text;
    }

    /** The texts of the list that the screen shows as a whole phrase (word boundaries, case-sensitive). */
    private static List<String> found(List<String> texts, String screen) {
        List<String> hits = new ArrayList<>();
        for (String text : texts) {
            if (Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(text) + "(?![\\p{L}\\p{N}])").matcher(screen)
                    .find()) {
                hits.add(text);
            }
        }
        return hits;
    }

    private static void click(WebDriver browser, By target) {
        WebElement element = new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(target));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(element))
                .click();
    }

    private static By field(String schemaId) {
        return By.cssSelector("[id$='-" + schemaId + "']");
    }

    private static By completeButton() {
        return By.cssSelector("button.btn-primary[ng-click='complete()']");
    }
}
