package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.cocrea.proposal.Proposal;
import org.cocrea.proposal.Proposals;
import org.cocrea.support.ChromiumPerClass;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.cocrea.support.WebappLogin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A refused completion in Camunda Tasklist, in the system's headless Chromium with a Spanish browser (as
 * {@code DashboardBrowserTests}: Debian {@code chromium} and {@code chromium-driver}; {@code CHROMIUM_BINARY} and
 * {@code CHROMEDRIVER} override the paths): an area user logs in at {@code /login}, opens the feasibility review of a proposal of the
 * area, submits a reasoning of spaces (which the form's own "required" check lets through), sees a toast with only the
 * reason in Spanish (no task id, no ENGINE code), finds the Complete button usable again, corrects the reasoning and
 * completes the task.
 */
@CocreaIntegrationTest
class TasklistRefusalBrowserTests {

    static final String USER = "navegador-ambiente";

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass("es", 1400, 1000);

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    Proposals proposals;
    @Autowired
    TaskService taskService;

    Proposal proposal;
    Task task;

    @BeforeEach
    void feasibilityReviewAssignedToTheAreaUser() {
        TestFixtures.FeasibilityReview review = fixtures.feasibilityReview(USER);
        proposal = review.proposal();
        task = review.task();
        taskService.claim(task.getId(), USER); // the form is editable for the assignee only
        browser().manage().deleteAllCookies();
    }

    @Test
    void aRefusedReviewShowsOnlyTheReasonAndTheFormStaysUsable() {
        logIn();
        browser().get(base() + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        WebElement reasoning = waitFor().until(ExpectedConditions.elementToBeClickable(field("Field_reasoning")));
        click(field("Field_verdict-0"));
        reasoning.sendKeys("   ");
        browser().findElement(field("Field_contactPerson")).sendKeys("Julia");

        click(completeButton());

        WebElement toast = waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".notifications .alert .message")));
        waitFor().until(d -> !toast.getText().isBlank());
        assertThat(toast.getText()).isEqualTo("Datos inválidos: fundamentación requerida");
        String alert = browser().findElement(By.cssSelector(".notifications .alert")).getText();
        assertThat(alert).doesNotContain("ENGINE-", "Exception", task.getId(), "Invalid data");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isOne();

        // The form stays usable: the Complete button is enabled again, the corrected review completes the task.
        waitFor().until(ExpectedConditions.elementToBeClickable(completeButton()));
        click(By.cssSelector(".notifications .alert button.close[ng-click^='removeNotification']")); // the toast covers the button, as for a user
        waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".notifications .alert")));
        WebElement again = browser().findElement(field("Field_reasoning"));
        again.clear();
        again.sendKeys("El área tiene presupuesto para el arbolado.");
        waitFor().until(ExpectedConditions.elementToBeClickable(completeButton()));
        click(completeButton());
        waitFor().until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
        assertThat(proposals.get(proposal.getId()).getReasoning())
                .isEqualTo("El área tiene presupuesto para el arbolado.");
    }

    private void logIn() {
        WebappLogin.logIn(browser(), base(), "tasklist", USER, "secret");
    }

    /** Clicks an element after scrolling it to the middle of the window (Tasklist's footer covers the bottom). */
    private static void click(By target) {
        WebElement element = browser().findElement(target);
        ((JavascriptExecutor) browser()).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        waitFor().until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** A form-js field by its id in the form schema (form-js prefixes ids with a generated form id). */
    private static By field(String schemaId) {
        return By.cssSelector("[id$='-" + schemaId + "']");
    }

    private static By completeButton() {
        return By.cssSelector("button.btn-primary[ng-click='complete()']");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static WebDriverWait waitFor() {
        return new WebDriverWait(browser(), Duration.ofSeconds(30));
    }

    private static WebDriver browser() {
        return chromium.driver();
    }
}
