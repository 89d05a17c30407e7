package org.cocrea.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cocrea.support.ChromiumPerClass;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a visitor sees, in the system's headless Chromium (Debian {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs; {@code CHROMIUM_BINARY} and {@code CHROMEDRIVER} override the paths). No browser is
 * downloaded. Without them the test fails, saying what to install: it never skips.
 */
@CocreaIntegrationTest
class DashboardBrowserTests {

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass("es", 1280, 900);

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;

    @BeforeEach
    void scenario() {
        fixtures.reset();
        new DashboardTestData(fixtures.jdbc()).smallScenario();
        browser().manage().deleteAllCookies();
        browser().manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void visitorSeesCommitmentsProgressAndFiltersWithoutJavaScriptHelp() {
        open("/?lang=es");
        chromium.navigateBy(By.cssSelector("header nav a[href='/dashboard']"));
        assertThat(browser().getTitle()).startsWith("Seguimiento del plan de acción");
        assertThat(codes()).containsExactly("T0001", "T0002", "T0003", "T0004");

        WebElement first = browser().findElement(By.id("T0001"));
        assertThat(first.findElement(By.cssSelector(".progress-text")).getText()).isEqualTo("60 % completado");
        assertThat(first.findElement(By.cssSelector(".status")).getText()).contains("En curso");
        assertThat(first.findElement(By.cssSelector("progress")).getAttribute("value")).isEqualTo("60");
        assertThat(first.findElement(By.cssSelector("progress")).getAttribute("aria-label")).contains("T0001");
        assertThat(first.getText()).contains("Se publicó el portal de obras").contains("febrero 2023")
                .doesNotContain("SECRETO");
        assertThat(browser().findElement(By.id("T0002")).getText()).contains("Completo").contains("Significativo");

        // the filter form: a label per field, plain GET submit
        assertThat(browser().findElement(By.cssSelector("label[for='filter-status']")).getText()).isEqualTo("Estado");
        new Select(browser().findElement(By.id("filter-axis"))).selectByValue("ambiente");
        new Select(browser().findElement(By.id("filter-status"))).selectByVisibleText("Demorado");
        chromium.navigateBy(By.cssSelector("form.filters button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.urlContains("status=DELAYED"));
        assertThat(browser().getCurrentUrl()).contains("axis=ambiente").contains("status=DELAYED");
        assertThat(codes()).containsExactly("T0003");
        assertThat(browser().findElement(By.cssSelector(".count")).getText()).isEqualTo("Compromisos que coinciden: 1");

        chromium.navigateBy(By.cssSelector("#T0003 h2 a"));
        assertThat(browser().findElement(By.tagName("h1")).getText()).startsWith("T0003");
        assertThat(browser().findElements(By.cssSelector("section.report"))).hasSize(1);
    }

    @Test
    void englishVersion() {
        open("/dashboard?lang=en");
        assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Action plan tracking");
        WebElement first = browser().findElement(By.id("T0001"));
        assertThat(first.findElement(By.cssSelector("h2")).getText()).contains("Open data on public works");
        assertThat(first.findElement(By.cssSelector(".progress-text")).getText()).isEqualTo("60% complete");
        assertThat(browser().findElement(By.cssSelector("label[for='filter-lead-area']")).getText())
                .isEqualTo("Lead area");
        // the language sticks (cookie) while filtering
        new Select(browser().findElement(By.id("filter-status"))).selectByVisibleText("Completed");
        chromium.navigateBy(By.cssSelector("form.filters button[type=submit]"));
        chromium.waitFor().until(ExpectedConditions.urlContains("status="));
        assertThat(codes()).containsExactly("T0002");
        assertThat(browser().findElement(By.id("T0002")).getText()).contains("Did it open government?")
                .contains("Major");
    }

    @Test
    void readableOnAPhone() {
        browser().manage().window().setSize(new Dimension(375, 740));
        open("/dashboard?lang=es");
        JavascriptExecutor js = (JavascriptExecutor) browser();
        long viewport = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
        long content = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        assertThat(viewport).as("the phone-sized window").isLessThanOrEqualTo(375);
        assertThat(content).as("no sideways scrolling").isLessThanOrEqualTo(viewport);
        WebElement progress = browser().findElement(By.cssSelector("#T0001 progress"));
        assertThat(progress.getSize().getWidth()).isLessThanOrEqualTo((int) viewport);
        assertThat(browser().findElement(By.cssSelector("#T0001 .progress-text")).isDisplayed()).isTrue();
        WebElement select = browser().findElement(By.id("filter-axis"));
        assertThat(select.getSize().getWidth()).isLessThanOrEqualTo((int) viewport).isGreaterThan(150);
    }

    private void open(String path) {
        chromium.open("http://localhost:" + port + path);
    }

    private List<String> codes() {
        return browser().findElements(By.cssSelector("article.commitment")).stream().map(e -> e.getAttribute("id"))
                .toList();
    }

    private static WebDriver browser() {
        return chromium.driver();
    }
}
