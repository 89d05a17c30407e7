package org.cocrea.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cocrea.support.ChromiumPerClass;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public proposal list as a visitor uses it, in the system's headless Chromium (as {@code DashboardBrowserTests}:
 * Debian {@code chromium} and {@code chromium-driver}; without them the test fails, it never skips): from the
 * navigation to the list, a search, a filter, one proposal's page and back. Data: {@link PublicProposalListTestData}.
 */
@CocreaIntegrationTest
class PublicProposalListBrowserTests {

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass("es", 1280, 900);

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;

    @BeforeEach
    void scenario() {
        fixtures.reset();
        new PublicProposalListTestData(fixtures.jdbc()).write();
        browser().manage().deleteAllCookies();
        browser().manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterEach
    void cleanUp() {
        fixtures.reset();
    }

    @Test
    void visitorSearchesFiltersAndOpensAProposal() {
        open("/?lang=es");
        chromium.navigateBy(By.cssSelector("header nav a[href='/proposals']"));
        assertThat(browser().getTitle()).startsWith("Todas las propuestas recibidas");
        assertThat(count()).isEqualTo("Propuestas que coinciden: 25");
        assertThat(codes()).hasSize(20);

        // the search, typed without the accent
        WebElement search = browser().findElement(By.id("filter-q"));
        assertThat(browser().findElement(By.cssSelector("label[for='filter-q']")).getText()).isEqualTo("Buscar");
        search.sendKeys("participacion");
        chromium.navigateBy(By.cssSelector("form.filters button[type=submit]"));
        assertThat(browser().getCurrentUrl()).contains("q=participacion");
        assertThat(codes()).containsExactly(PublicProposalListTestData.P3);
        assertThat(browser().findElement(By.cssSelector("#" + PublicProposalListTestData.P3 + " h2")).getText())
                .isEqualTo("Mesa de participación juvenil");

        // a filter on top of the search finds nothing; the form keeps both
        new Select(browser().findElement(By.id("filter-axis"))).selectByValue("ambiente");
        chromium.navigateBy(By.cssSelector("form.filters button[type=submit]"));
        assertThat(codes()).isEmpty();
        assertThat(browser().findElement(By.id("filter-q")).getAttribute("value")).isEqualTo("participacion");
        assertThat(new Select(browser().findElement(By.id("filter-axis"))).getFirstSelectedOption().getText())
                .isEqualTo("Ambiente y arbolado urbano");

        // only the filter: the proposals of that axis, then of one status
        browser().findElement(By.id("filter-q")).clear();
        new Select(browser().findElement(By.id("filter-status"))).selectByVisibleText("Respondida");
        chromium.navigateBy(By.cssSelector("form.filters button[type=submit]"));
        assertThat(browser().getCurrentUrl()).contains("axis=ambiente").contains("status=RESPONDED");
        assertThat(codes()).containsExactly(PublicProposalListTestData.P2);

        // the search again, then one proposal's page and back to the list
        chromium.navigateBy(By.cssSelector("a.clear-filters"));
        browser().findElement(By.id("filter-q")).sendKeys("datos");
        chromium.navigateBy(By.cssSelector("form.filters button[type=submit]"));
        assertThat(codes()).containsExactly(PublicProposalListTestData.P1);
        WebElement p1 = browser().findElement(By.id(PublicProposalListTestData.P1));
        assertThat(p1.findElement(By.cssSelector(".outcome")).getText()).contains("Mesa de datos abiertos")
                .contains("PX0001");
        chromium.navigateBy(By.cssSelector("#" + PublicProposalListTestData.P1 + " h2 a"));
        assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Portal de dato abierto del presupuesto");
        assertThat(browser().findElement(By.id("tracking-code")).getText()).isEqualTo(PublicProposalListTestData.P1);
        assertThat(browser().findElement(By.cssSelector("#outcome a.commitment")).getAttribute("href"))
                .endsWith("/dashboard/PX0001");
        assertThat(browser().findElement(By.tagName("main")).getText()).doesNotContain("SECRETO");
        chromium.navigateBy(By.id("all-proposals"));
        assertThat(count()).isEqualTo("Propuestas que coinciden: 25");
    }

    @Test
    void aBadFilterShowsTheErrorOnTheField() {
        open("/proposals?status=ARCHIVADA&lang=es");
        WebElement field = browser().findElement(By.id("filter-status"));
        assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser().findElement(By.id(field.getAttribute("aria-describedby"))).getText())
                .isEqualTo("No es un estado de la lista.");
        assertThat(codes()).isEmpty();
        // choosing a valid status recovers
        new Select(field).selectByVisibleText("Recibida");
        chromium.navigateBy(By.cssSelector("form.filters button[type=submit]"));
        assertThat(codes()).hasSize(20);
        assertThat(browser().findElements(By.cssSelector(".field-error"))).isEmpty();
    }

    private String count() {
        return browser().findElement(By.cssSelector(".count")).getText();
    }

    private void open(String path) {
        chromium.open("http://localhost:" + port + path);
    }

    private List<String> codes() {
        return browser().findElements(By.cssSelector("article.proposal")).stream().map(e -> e.getAttribute("id"))
                .toList();
    }

    private static WebDriver browser() {
        return chromium.driver();
    }
}
