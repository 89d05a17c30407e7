package org.cocrea.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.cocrea.kernel.Groups;
import org.cocrea.support.ChromiumPerClass;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.cocrea.support.WebappLogin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 10, item 3, in headless Chromium (as {@link TasklistRefusalBrowserTests}): a team member logs in once at
 * {@code /login} from Tasklist, is back in Tasklist as themselves, opens the staff pages without a second login, and
 * Tasklist's own "Log out" ends both and leads to {@code /login}, not to Tasklist's login view.
 */
@CocreaIntegrationTest
class SingleLoginBrowserTests {

    static final String USER = "navegador-equipo";

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass("es", 1400, 1000);

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;

    @Test
    void oneLoginOpensTasklistAndTheStaffPagesAndTasklistsLogoutEndsBoth() {
        fixtures.user(USER, USER + "@gobierno.example.org", Groups.OPEN_GOVERNMENT_TEAM);
        browser().manage().deleteAllCookies();
        String base = "http://localhost:" + port;
        WebDriverWait wait = new WebDriverWait(browser(), Duration.ofSeconds(30));

        WebappLogin.logIn(browser(), base, "tasklist", USER, "secret");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("li.account .dropdown-toggle"),
                USER));

        browser().get(base + "/staff");
        assertThat(browser().getCurrentUrl()).endsWith("/staff");
        assertThat(browser().findElements(By.cssSelector("form[action='/login']"))).isEmpty();

        browser().get(base + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.account .dropdown-toggle"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.account li.logout a"))).click();

        wait.until(ExpectedConditions.urlToBe(base + "/login"));
        assertThat(browser().findElements(By.cssSelector("form[name='signinForm']"))).isEmpty();
        browser().get(base + "/staff");
        wait.until(ExpectedConditions.urlToBe(base + "/login"));
        assertThat(browser().findElements(By.id("username"))).hasSize(1);
    }

    private static WebDriver browser() {
        return chromium.driver();
    }
}
