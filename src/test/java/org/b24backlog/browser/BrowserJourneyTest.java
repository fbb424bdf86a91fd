package org.b24backlog.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.b24backlog.demoportal.DemoData;
import org.b24backlog.demoportal.DemoPortal;
import org.b24backlog.testsupport.Installs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A person's path through a real browser: the admin installs the app from the demo portal's Market, the portal
 * frames the app cross-site with third-party cookies blocked, and the user views and updates a backlog in the frame.
 */
@QuarkusTest
class BrowserJourneyTest {

    @Inject
    DemoPortal portal;

    @TestHTTPResource("/")
    java.net.URL base;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        Installs.reset(portal);
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void installOpenViewAndUpdateInFrame() throws Exception {
        try {
            journey();
        } catch (AssertionError | RuntimeException e) {
            saveEvidence();
            throw e;
        }
    }

    /** Keeps a screenshot of the whole portal page under target/browser-evidence for a person to look at. */
    private void screenshot(String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "browser-evidence");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve(name), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Keeps a screenshot and the page sources under target/ for a failed run. */
    private void saveEvidence() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "browser-evidence");
        java.nio.file.Files.createDirectories(dir);
        browser.switchTo().defaultContent();
        java.nio.file.Files.write(dir.resolve("portal.png"), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        java.nio.file.Files.writeString(dir.resolve("portal.html"), browser.getPageSource());
        List<WebElement> frames = browser.findElements(By.cssSelector("iframe.app-frame"));
        if (!frames.isEmpty()) {
            browser.switchTo().frame(frames.get(0));
            java.nio.file.Files.writeString(dir.resolve("frame.html"), browser.getPageSource());
        }
        java.nio.file.Files.writeString(dir.resolve("console.txt"), String.join("\n",
                browser.manage().logs().get("browser").getAll().stream().map(Object::toString).toList()));
    }

    private void journey() {
        String portalUrl = "http://" + portal.domain();

        // The admin installs from the Market; the installer frame finishes the install and turns into the app.
        browser.get(portalUrl + "/market/?user=" + DemoData.USER_ADMIN);
        browser.findElement(By.xpath("//button[normalize-space()='Install']")).click();
        // installFinish makes the portal replace the installer frame with a new one that opens the app.
        waitInAppFrame(By.tagName("h1"), "Scrum teams");
        assertThat(browser.findElements(By.linkText("Mobile app"))).isNotEmpty();
        browser.switchTo().defaultContent();

        // The frame is cross-site: the app runs on 127.0.0.1 inside the portal on localhost.
        WebElement frame = browser.findElement(By.cssSelector("iframe.app-frame"));
        assertThat(frame.getDomProperty("src") == null || !frame.getDomProperty("src").contains("localhost")).isTrue();

        // Open the Scrum's tab in its workgroup.
        browser.get(portalUrl + "/workgroups/group/" + DemoData.SCRUM_MOBILE + "/");
        browser.findElement(By.cssSelector("a[href*='tab=app-']")).click();
        waitInAppFrame(By.tagName("h2"), "Backlog #" + DemoData.BACKLOG_MOBILE);
        List<WebElement> rows = browser.findElements(By.cssSelector("tr[data-task-id]"));
        assertThat(rows).hasSize(DemoData.MOBILE_BACKLOG_TASKS);
        assertThat(browser.findElement(By.tagName("table")).getText()).contains(DemoData.TASK_WITH_HTML_TITLE);
        assertThat(browser.manage().getCookies()).isEmpty();
        assertThat(noHorizontalScroll()).isTrue();
        assertThat(frameFitsContent()).as("the frame is as tall as its page, so it shows no vertical scroll bar").isTrue();

        // Update: record the admin as the last modifier, then see the result in the frame.
        browser.findElement(By.xpath("//button[normalize-space()='Record me as the last editor']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "The backlog was updated."));
        String facts = browser.findElement(By.cssSelector("dl.facts")).getText();
        assertThat(facts).contains("Last changed by");
        assertThat(portal.backlogOf(DemoData.SCRUM_MOBILE).orElseThrow().modifiedBy()).isEqualTo(DemoData.USER_ADMIN);

        // The admin's audit page in the same frame: the change is listed and the table fits the frame.
        browser.findElement(By.linkText("Audit log")).click();
        waitInAppFrame(By.tagName("h1"), "Audit log");
        assertThat(browser.findElement(By.cssSelector("table.audit")).getText()).contains("backlog.updated");
        assertThat(noHorizontalScroll()).isTrue();
        browser.switchTo().defaultContent();
        screenshot("audit-in-portal.png");
        waitInAppFrame(By.tagName("h1"), "Audit log");
        browser.findElement(By.linkText("Scrum teams")).click();
        waitInAppFrame(By.tagName("h1"), "Scrum teams");

        // The portal sized its iframe to the page through BX24.fitWindow, so the frame shows no inner scroll bar.
        browser.switchTo().defaultContent();
        screenshot("backlog-in-portal.png");
        long frameHeight = ((Number) ((JavascriptExecutor) browser)
                .executeScript("return document.querySelector('iframe.app-frame').getBoundingClientRect().height")).longValue();
        assertThat(frameHeight).isGreaterThan(300);
    }

    /** Waits until the current app iframe shows the text, entering the frame anew on each try. */
    private void waitInAppFrame(By locator, String text) {
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchFrameException.class)
                .until(driver -> {
                    driver.switchTo().defaultContent();
                    List<WebElement> frames = driver.findElements(By.cssSelector("iframe.app-frame"));
                    if (frames.isEmpty()) {
                        return false;
                    }
                    driver.switchTo().frame(frames.get(0));
                    return driver.findElements(locator).stream().anyMatch(e -> e.getText().contains(text));
                });
    }

    /** Run inside the app frame: the page's height fits into the frame the portal sized through fitWindow. */
    private boolean frameFitsContent() {
        Object fits = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight <= window.innerHeight + 1");
        return Boolean.TRUE.equals(fits);
    }

    private boolean noHorizontalScroll() {
        WebDriver driver = browser;
        Object fits = ((JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth <= document.documentElement.clientWidth");
        return Boolean.TRUE.equals(fits);
    }
}
