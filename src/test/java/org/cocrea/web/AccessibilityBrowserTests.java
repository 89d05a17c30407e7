package org.cocrea.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.TaskService;
import org.cocrea.commitment.ActionPlan;
import org.cocrea.commitment.CommitmentSheet;
import org.cocrea.commitment.CommitmentSheets;
import org.cocrea.community.Communities;
import org.cocrea.community.Community;
import org.cocrea.dashboard.DashboardTestData;
import org.cocrea.participant.ContactInput;
import org.cocrea.participant.Contacts;
import org.cocrea.roundtable.BoardEntry;
import org.cocrea.roundtable.RoundTable;
import org.cocrea.roundtable.RoundTables;
import org.cocrea.support.AxeCore;
import org.cocrea.support.ChromiumPerClass;
import org.cocrea.support.CocreaIntegrationTest;
import org.cocrea.support.TestFixtures;
import org.cocrea.workflow.CommitmentDraftingProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * Accessibility of the public pages, in the system's headless Chromium (see {@code support/HeadlessChromium}):
 * Deque's axe-core ({@code tools/axe}, {@link AxeCore}) runs the WCAG 2.0/2.1 level A and AA rules on every public
 * page, in Spanish and in English, with data like the demo's so that lists, boards and comments are not empty; a
 * serious or critical violation fails the test with its page, rule and element. The keyboard tests fill and submit
 * the proposal and subscription forms with Tab, Shift+Tab, typing, arrows, Space and Enter only, from the top of the
 * page, and check the skip link, the visible focus, the labels and how refused fields are announced.
 */
@CocreaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTests {

    /** axe-core's WCAG 2.0/2.1 A and AA rules, and its best practices (landmarks, heading order, skip link). */
    private static final List<String> RULES = Stream.concat(AxeCore.WCAG_21_AA.stream(),
            Stream.of("best-practice")).toList();

    @RegisterExtension
    static final ChromiumPerClass chromium = new ChromiumPerClass("es", 1280, 900);

    @LocalServerPort
    int port;
    @Autowired
    TestFixtures fixtures;
    @Autowired
    RoundTables roundTables;
    @Autowired
    CommitmentSheets sheets;
    @Autowired
    ActionPlan plan;
    @Autowired
    Contacts contacts;
    @Autowired
    TaskService taskService;
    @Autowired
    Communities communities;

    String trackingCode;
    long upcomingTable;
    long heldTable;
    long draft;
    String contactToken;
    long callId;
    String communitySlug;
    long communityEvent;

    /**
     * Demo-like data, once for the class, through the features' services (as staff and the processes write it): an
     * open call with the 48 proposals of the 2021 consultation, a round-table open for registration and a held one
     * with both boards and its topics, whose draft circulates with a comment, the six published commitments of the
     * action plan, the dashboard's follow-up reports and evaluation, and a subscriber.
     */
    @BeforeAll
    void demoLikeData() throws Exception {
        fixtures.reset();
        fixtures.openCall(Duration.ofDays(20));
        callId = fixtures.openCallId();
        fixtures.importCsv("data/proposals-2021-consultation.csv");
        fixtures.executeAsyncJobs();
        trackingCode = fixtures.jdbc().queryForObject("select tracking_code from proposal order by id limit 1",
                String.class);

        RoundTable held = roundTables.create(callId, "ambiente", null);
        heldTable = held.getId();
        roundTables.confirm(heldTable, held.getStartsAt(), 120, "https://meet.example.org/ambiente", 30);
        roundTables.register(heldTable, "Paula Participante", "paula@example.org", "Red Verde", "osc-territorial", true);
        roundTables.addEntry(heldTable, BoardEntry.Board.QUESTIONS, null,
                "¿Las escuelas pueden sumarse con sus estudiantes?", "Red Verde");
        roundTables.addEntry(heldTable, BoardEntry.Board.COMMITMENT, "public-problem",
                "No existe un inventario actualizado y abierto del arbolado.", "Red Verde");
        roundTables.addEntry(heldTable, BoardEntry.Board.COMMITMENT, "milestones", "Censo colaborativo del arbolado",
                "");
        roundTables.recordTopics(heldTable, List.of("Arbolado urbano colaborativo"));
        roundTables.markHeld(heldTable);
        RoundTable upcoming = roundTables.create(callId, "datos-abiertos", null);
        upcomingTable = upcoming.getId();
        roundTables.confirm(upcomingTable, upcoming.getStartsAt(), 120, "https://meet.example.org/datos", 40);

        // The held round-table's topic became a draft (drafting process); the team completes it and it circulates.
        draft = fixtures.jdbc().queryForObject("select id from commitment where status = 'DRAFT'", Long.class);
        sheets.save(draft, new CommitmentSheet("Arbolado urbano colaborativo", "Collaborative urban trees",
                "area-ambiente", null, "Red Verde", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                "El 30% del arbolado no está relevado.", "", "Un censo colaborativo del arbolado con datos abiertos.",
                "Relevar el arbolado.", "", List.of("civic-participation"), "", "ambiente@example.org",
                List.of(new CommitmentSheet.MilestoneInput("Censo colaborativo", LocalDate.of(2026, 2, 1),
                        LocalDate.of(2026, 5, 31), null))), "equipo", null);
        taskService.complete(taskService.createTaskQuery().taskDefinitionKey(
                CommitmentDraftingProcess.TASK_COMPLETE_SHEET).singleResult().getId(), Map.of("sheetReady", true));
        sheets.comment(draft, "objective", "Vecina del barrio", "Junta vecinal", "vecina@example.org", true,
                "Sumen las plazas secas al censo.");

        try (InputStream in = new ClassPathResource("data/ba-2021-2023-commitments.json").getInputStream()) {
            plan.importPublished(in, "ARBA-2021-2023");
        }
        new DashboardTestData(fixtures.jdbc()).smallScenario();

        contacts.register(new ContactInput("sara@example.org", "Sara Suscripta", null, null, Set.of("ambiente"),
                Set.of(), "es", Instant.now(), "directory"), "test");
        contactToken = fixtures.jdbc().queryForObject("select token from contact where email = 'sara@example.org'",
                String.class);

        Community community = communities.create(new Communities.CommunityInput("", "Reutilización de datos abiertos",
                "Open data reuse", "Encuentros sobre datos abiertos de la Ciudad.", "Meetups on the City's open data."),
                "equipo");
        communitySlug = community.getSlug();
        communityEvent = communities.schedule(communitySlug, new Communities.EventInput("Taller de datos de movilidad",
                "Con el dataset de bicicletas.", communities.proposeStart(community).toString(), 120,
                "https://meet.example.org/datos", 30), "equipo").getId();
    }

    @BeforeEach
    void freshBrowser() {
        browser().manage().deleteAllCookies();
        browser().manage().window().setSize(new Dimension(1280, 900));
    }

    // --- axe-core on every public page -------------------------------------------------------------------------

    @Test
    void everyPublicPageInSpanishHasNoSeriousOrCriticalViolation() {
        open("/?lang=es");
        assertNoSeriousViolations(publicPages(), "es");
    }

    @Test
    void everyPublicPageInEnglishHasNoSeriousOrCriticalViolation() {
        open("/?lang=en");
        assertNoSeriousViolations(publicPages(), "en");
    }

    /**
     * A public page, or a state of one, to analyse.
     *
     * @param expect a CSS selector only that page (state) shows, so that an error page is never analysed instead
     * @param open   how a visitor gets there
     */
    private record Page(String expect, Runnable open) {
    }

    /** Each public page (or state of one), by the path a visitor opens and what they do there. */
    private Map<String, Page> publicPages() {
        Map<String, Page> pages = new LinkedHashMap<>();
        pages.put("/", new Page("main form[action='/proposals/lookup']", () -> open("/")));
        pages.put("/ on a phone, menu open", new Page("header nav a[href='/round-tables']", () -> {
            browser().manage().window().setSize(new Dimension(390, 844));
            open("/");
            browser().findElement(By.cssSelector("label.menu-button")).click();
            waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("header nav a")));
        }));
        pages.put("/login", new Page("#username", () -> {
            browser().manage().window().setSize(new Dimension(1280, 900));
            open("/login");
        }));
        pages.put("/login?error", new Page("#login-error", () -> open("/login?error")));
        pages.put("/proposals/new", new Page("#title", () -> open("/proposals/new")));
        pages.put("/proposals/new (sent empty)", new Page("#errors", () -> {
            open("/proposals/new");
            navigateBy(By.cssSelector("main form button[type=submit]"));
        }));
        pages.put("/proposals/{code}", new Page("#tracking-code", () -> open("/proposals/" + trackingCode)));
        pages.put("/proposals", new Page("article.proposal", () -> open("/proposals")));
        pages.put("/proposals (bad filter)", new Page("#status-error", () -> open("/proposals?status=NINGUNO")));
        pages.put("/proposals/lookup (unknown code)", new Page("main form[action='/proposals/lookup']",
                () -> open("/proposals/lookup?code=CC-NOEXISTE")));
        pages.put("/round-tables", new Page("main .round-table a", () -> open("/round-tables")));
        pages.put("/round-tables/{upcoming}", new Page("#organizationType", () -> open("/round-tables/" + upcomingTable)));
        pages.put("/round-tables/{upcoming} (sent empty)", new Page("#errors", () -> {
            open("/round-tables/" + upcomingTable);
            navigateBy(By.cssSelector("main form button[type=submit]"));
        }));
        pages.put("/round-tables/{held}", new Page("main section.card li", () -> open("/round-tables/" + heldTable)));
        pages.put("/drafts", new Page("main article.card a", () -> open("/drafts")));
        pages.put("/co-creation/{call}", new Page("main ol.stages li.stage", () -> open("/co-creation/" + callId)));
        pages.put("/drafts/{id} (comment form open)", new Page("#body-objective", () -> {
            open("/drafts/" + draft);
            browser().findElement(By.cssSelector("#section-objective details:not(.report) > summary")).click();
        }));
        pages.put("/drafts/{id} (comment sent empty)", new Page("#errors", () -> {
            open("/drafts/" + draft);
            browser().findElement(By.cssSelector("#section-objective details:not(.report) > summary")).click();
            navigateBy(By.cssSelector("#section-objective form.comment-form button[type=submit]"));
        }));
        pages.put("/drafts/{id}?from=1&to=2", new Page("#changes", () -> open("/drafts/" + draft + "?from=1&to=2")));
        pages.put("/action-plan", new Page("main #ARBA0001", () -> open("/action-plan")));
        pages.put("/dashboard", new Page("main #T0001", () -> open("/dashboard")));
        pages.put("/dashboard/T0001", new Page("main section.report", () -> open("/dashboard/T0001")));
        pages.put("/dashboard/T0002", new Page("main .completion-level", () -> open("/dashboard/T0002")));
        pages.put("/dashboard/ARBA0001", new Page("main #ARBA0001", () -> open("/dashboard/ARBA0001")));
        pages.put("/subscribe", new Page("main input[name=topics]", () -> open("/subscribe")));
        pages.put("/subscribe (sent empty)", new Page("#errors", () -> {
            open("/subscribe");
            navigateBy(By.cssSelector("main form button[type=submit]"));
        }));
        pages.put("/subscribe/confirm/{token}", new Page("main form",
                () -> open("/subscribe/confirm/" + contactToken + "?topics=ambiente")));
        pages.put("/unsubscribe/{token}", new Page("main form", () -> open("/unsubscribe/" + contactToken)));
        pages.put("/my-data/{token}", new Page("main a[href$='/export']", () -> open("/my-data/" + contactToken)));
        pages.put("/communities", new Page("main article.card h2 a", () -> open("/communities")));
        pages.put("/communities/{slug}", new Page("#upcoming li", () -> open("/communities/" + communitySlug)));
        pages.put("/communities/{slug}/events/{id}", new Page("#registration",
                () -> open("/communities/" + communitySlug + "/events/" + communityEvent)));
        pages.put("/communities/{slug}/events/{id} (sent empty)", new Page("#errors", () -> {
            open("/communities/" + communitySlug + "/events/" + communityEvent);
            navigateBy(By.cssSelector("#registration button[type=submit]"));
        }));
        pages.put("/self-assessment (not published yet)", new Page("main h1", () -> open("/self-assessment")));
        pages.put("error page (unknown round-table)", new Page("main a[href='/']", () -> open("/round-tables/999999")));
        return pages;
    }

    private void assertNoSeriousViolations(Map<String, Page> pages, String language) {
        List<String> serious = new ArrayList<>();
        for (Map.Entry<String, Page> page : pages.entrySet()) {
            page.getValue().open().run();
            assertThat(browser().findElements(By.cssSelector(page.getValue().expect())))
                    .as("%s shows %s (%s)", page.getKey(), page.getValue().expect(), browser().getTitle()).isNotEmpty();
            assertThat(browser().findElement(By.tagName("html")).getAttribute("lang")).as("lang of %s", page.getKey())
                    .isEqualTo(language);
            List<AxeCore.Violation> found = AxeCore.analyse(browser(), RULES);
            System.out.println("axe [" + language + "] " + page.getKey() + ": " + found.size() + " rule(s) broken");
            for (AxeCore.Violation v : found) {
                for (int k = 0; k < v.targets().size(); k++) {
                    String line = "[" + language + "] " + page.getKey() + ": " + v.rule() + " (" + v.impact() + ") "
                            + v.targets().get(k) + " — " + v.help() + ": "
                            + v.details().get(k).replaceAll("\\s+", " ");
                    System.out.println("axe " + line);
                    if (v.seriousOrWorse()) {
                        serious.add(line);
                    }
                }
            }
        }
        assertThat(serious).as("serious or critical WCAG 2.1 A/AA violations (axe-core)").isEmpty();
    }

    // --- keyboard only ----------------------------------------------------------------------------------------

    @Test
    void proposalFormByKeyboardOnly() {
        open("/proposals/new");
        skipToMainContent();

        // Sent empty: every refused field says so, tied to its message, and the summary is announced.
        tabUntil("button[type=submit]");
        press(Keys.ENTER);
        waitForPage("/proposals/new");
        assertErrorsAnnounced("title", "description", "axis", "submitterType", "name", "email", "consent");
        assertLabelled();

        // Filled in by keyboard from the field list's start, in reading order, then sent with Enter.
        tabUntil("#title");
        type("Semáforos con aviso sonoro");
        next("description");
        type("Que los semáforos de las avenidas avisen con sonido cuándo se puede cruzar.");
        next("axis");
        press(Keys.ARROW_DOWN);
        assertThat(active().getAttribute("value")).as("an axis chosen with the arrow key").isNotEmpty();
        next("submitterType");
        press(Keys.ARROW_DOWN);
        assertThat(active().getAttribute("value")).isNotEmpty();
        next("organization");
        type("Asociación de personas ciegas");
        next("name");
        type("Marta Teclado");
        next("email");
        type("marta.teclado@example.org");
        next("consent");
        press(Keys.SPACE);
        assertThat(active().isSelected()).as("consent checked with Space").isTrue();
        press(Keys.TAB);
        assertThat(active().getAttribute("type")).isEqualTo("submit");
        assertFocusVisible();
        press(Keys.SHIFT, Keys.TAB);
        assertThat(active().getAttribute("id")).as("Shift+Tab goes back").isEqualTo("consent");
        press(Keys.TAB);
        press(Keys.ENTER);
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("created")));
        assertThat(browser().findElement(By.tagName("h1")).getText()).isEqualTo("Semáforos con aviso sonoro");
        assertThat(fixtures.jdbc().queryForObject("select count(*) from proposal where email = ?", Long.class,
                "marta.teclado@example.org")).isEqualTo(1);
    }

    @Test
    void subscriptionFormByKeyboardOnly() {
        open("/subscribe");
        skipToMainContent();

        tabUntil("button[type=submit]");
        press(Keys.ENTER);
        waitForPage("/subscribe");
        assertErrorsAnnounced("email", "consent");
        assertLabelled();

        tabUntil("#email");
        type("teclado@example.org");
        next("name");
        type("Tomás Teclado");
        next("organization");
        type("Vecinos conectados");
        next("organizationType");
        press(Keys.ARROW_DOWN);
        assertThat(active().getAttribute("value")).isNotEmpty();
        press(Keys.TAB);
        assertThat(active().getAttribute("name")).as("the first topic").isEqualTo("topics");
        press(Keys.SPACE);
        assertThat(active().isSelected()).isTrue();
        tabUntil("input[name=consent]");
        press(Keys.SPACE);
        press(Keys.TAB);
        assertThat(active().getAttribute("type")).isEqualTo("submit");
        press(Keys.ENTER);
        waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("subscribed")));
        assertThat(fixtures.jdbc().queryForObject("select count(*) from contact where email = ?", Long.class,
                "teclado@example.org")).isEqualTo(1);
    }

    /** From the top of the page: the first Tab shows the skip link, Enter on it moves the focus to the main content. */
    private void skipToMainContent() {
        press(Keys.TAB);
        WebElement skip = active();
        assertThat(skip.getTagName()).as("the first Tab stop is the skip link").isEqualTo("a");
        assertThat(skip.getAttribute("href")).endsWith("#main");
        assertThat(skip.isDisplayed() && skip.getSize().getHeight() > 0 && skip.getText().length() > 3)
                .as("the skip link shows when focused").isTrue();
        assertFocusVisible();
        press(Keys.ENTER);
        press(Keys.TAB);
        assertThat((Boolean) js("return document.querySelector('main').contains(document.activeElement)"))
                .as("after the skip link, Tab goes on inside <main>, not through the header").isTrue();
        assertFocusVisible();
    }

    /** Presses Tab until the element matching the selector has the focus, checking that each stop shows its focus. */
    private void tabUntil(String selector) {
        for (int i = 0; i < 80; i++) {
            if ((Boolean) js("return document.activeElement.matches(arguments[0])", selector)) {
                return;
            }
            press(Keys.TAB);
            assertFocusVisible();
        }
        throw new AssertionError("80 Tabs did not reach " + selector + " on " + browser().getCurrentUrl());
    }

    /** One Tab must move the focus to the field of that id (the form's reading order). */
    private void next(String id) {
        press(Keys.TAB);
        assertThat(active().getAttribute("id")).as("the Tab after the previous field").isEqualTo(id);
        assertFocusVisible();
    }

    private void assertFocusVisible() {
        String style = (String) js("""
                const e = document.activeElement, s = getComputedStyle(e);
                const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
                return outline || s.boxShadow !== 'none' ? '' : e.outerHTML.substring(0, 120);
                """);
        assertThat(style).as("the focused element shows its focus (outline or box-shadow)").isEmpty();
    }

    /** Every form control of the page has a label with text. */
    private void assertLabelled() {
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) js("""
                return [...document.querySelectorAll('main input:not([type=hidden]), main select, main textarea')]
                  .filter(e => ![...e.labels].some(l => l.textContent.trim().length > 0)
                      && !e.getAttribute('aria-labelledby'))
                  .map(e => e.outerHTML.substring(0, 120));
                """);
        assertThat(unlabelled).as("form controls without a label").isEmpty();
    }

    /**
     * Each named field is marked invalid and described by its own error message; the summary of the errors is an
     * alert and has the focus, so a screen reader reads it as the page opens.
     */
    private void assertErrorsAnnounced(String... fields) {
        for (String name : fields) {
            WebElement field = browser().findElement(By.cssSelector("main form [name='" + name + "']:not([type=hidden])"));
            assertThat(field.getAttribute("aria-invalid")).as("aria-invalid of %s", name).isEqualTo("true");
            String describedBy = field.getAttribute("aria-describedby");
            assertThat(describedBy).as("aria-describedby of %s", name).isNotBlank();
            String description = (String) js("return arguments[0].split(/\\s+/).map(id => document.getElementById(id))"
                    + ".filter(e => e).map(e => e.textContent.trim()).join(' ')", describedBy);
            assertThat(description).as("the error message %s describes", name).isNotBlank();
        }
        WebElement alert = browser().findElement(By.cssSelector("main [role=alert]"));
        assertThat(alert.getText()).isNotBlank();
        assertThat((Boolean) js("return document.activeElement === arguments[0]", alert))
                .as("the error summary has the focus when the page opens").isTrue();
        assertFocusVisible();
    }

    private void type(String text) {
        press(text);
    }

    private void press(CharSequence... keys) {
        Actions actions = new Actions(browser());
        if (keys.length == 2 && keys[0] == Keys.SHIFT) {
            actions.keyDown(Keys.SHIFT).sendKeys(keys[1]).keyUp(Keys.SHIFT).perform();
            return;
        }
        actions.sendKeys(keys).perform();
    }

    private WebElement active() {
        return browser().switchTo().activeElement();
    }

    // --- browser ----------------------------------------------------------------------------------------------

    private void open(String path) {
        browser().get("http://localhost:" + port + path);
        waitForLoadedPage();
    }

    /** Clicks what leads to another page and waits for that page (a mark left on the old window is gone). */
    private void navigateBy(By target) {
        js("window.cocreaOldPage = true");
        browser().findElement(target).click();
        waitFor().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return window.cocreaOldPage === undefined && document.readyState === 'complete'"));
    }

    private void waitForPage(String path) {
        waitFor().until(d -> d.getCurrentUrl().endsWith(path) && d.findElements(By.cssSelector("main .error")).size() > 0);
        waitForLoadedPage();
    }

    private void waitForLoadedPage() {
        waitFor().until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser()).executeScript(script, args);
    }

    private static WebDriverWait waitFor() {
        return new WebDriverWait(browser(), Duration.ofSeconds(30));
    }

    private static WebDriver browser() {
        return chromium.driver();
    }
}
