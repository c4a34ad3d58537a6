package io.tokenwarden.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (never a downloaded one). Without them
 * the browser tests are skipped with a notice, except under CI=true, where that is a failure.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver driver;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    static Browser open(int port) throws IOException {
        requireChromium();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1100",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        return new Browser(new ChromeDriver(service, options), "http://localhost:" + port);
    }

    private static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String notice =
                "Browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)";
        if ("true".equals(System.getenv("CI"))) {
            fail(notice + ": missing under CI=true");
        }
        System.err.println("NOTICE: " + notice + "; browser tests SKIPPED");
        Assumptions.abort(notice);
    }

    /** Signs in afresh; console entries of earlier pages are drained so each test judges its own. */
    Browser login(String user, String password) {
        go("/login");
        driver.manage().deleteAllCookies();
        go("/login");
        driver.manage().logs().get(LogType.BROWSER);
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        WebElement signIn = driver.findElement(By.id("sign-in"));
        signIn.click();
        // the page the sign-in leads to (or the form again, with its error): a navigation started right after the
        // click could otherwise go out before the session cookie arrives and land on the sign-in page
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(signIn));
        return this;
    }

    Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    WebElement find(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector));
    }

    List<WebElement> all(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    /** Waits until every chart on the page has been drawn. */
    void awaitCharts() {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> all("canvas[data-src]").stream()
                        .allMatch(c -> "true".equals(c.getDomAttribute("data-drawn"))
                                || "true".equals(c.getAttribute("data-drawn"))));
    }

    /** Waits for the page that follows a form post: an element of it carries the expected attribute. */
    void awaitAttribute(String cssSelector, String attribute, String expected) {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(d -> expected.equals(
                        d.findElement(By.cssSelector(cssSelector)).getDomAttribute(attribute)));
    }

    /** Waits until the browser is on a page of {@code host} (a sign-in that went through another site). */
    void awaitHost(String host) {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> host.equals(java.net.URI.create(d.getCurrentUrl()).getHost()));
    }

    /** Forgets the cookies of another site (a provider's session), and this app's. */
    void forgetSessions(String otherSite) {
        driver.get(otherSite);
        driver.manage().deleteAllCookies();
        go("/login");
        driver.manage().deleteAllCookies();
    }

    /** Drops what the console holds: another site's pages (a provider's missing favicon) are not this app's errors. */
    void drainConsole() {
        driver.manage().logs().get(LogType.BROWSER);
    }

    String currentPath() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /** The sign-out button of the page's header; waits for the sign-in page. */
    void signOut() {
        find("form.signout button").click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> currentPath().equals("/login"));
    }

    Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** The number of points in a chart's first series, as Chart.js drew it. */
    long points(String canvasId) {
        return ((Number) js("return Chart.getChart(document.getElementById('" + canvasId
                        + "')).data.datasets[0].data.length"))
                .longValue();
    }

    long series(String canvasId) {
        return ((Number) js("return Chart.getChart(document.getElementById('" + canvasId + "')).data.datasets.length"))
                .longValue();
    }

    void assertNoConsoleErrors() {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
        assertThat(errors).as("browser console errors").isEmpty();
    }

    void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Path file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(file, target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
