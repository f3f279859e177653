package dev.seq2seq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The page at {@code /} driven in a real browser (Debian's chromium and chromium-driver, nothing
 * downloaded) against the service with the shipped models, as a user meets it. Each test leaves a
 * screenshot under {@code target/screenshots/}. Skipped, with a message, where the browser is absent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "seq2seq.models-dir=models")
@ActiveProfiles("test")
class WebPageTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static ChromeDriver driver;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(Browser.available(), Browser.MISSING);
        driver = Browser.start();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void freshPage() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(url("/"));
        js("localStorage.clear();");
        driver.get(url("/"));
        waitUntil(() -> "true".equals(js("return document.body.dataset.ready")));
    }

    @AfterEach
    void screenshot(TestInfo test) throws IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(test.getTestMethod().orElseThrow().getName() + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void translatesSpanishToEnglishAsYouTypeWithAlternatives() {
        new Select(byId("source-language")).selectByValue("es");
        new Select(byId("target-language")).selectByValue("en");
        byId("source-text").sendKeys("¿Dónde está la estación?");   // no button: the page translates as one types
        waitUntil(() -> byId("translation").getText().toLowerCase().contains("station"));
        List<WebElement> alternatives = byId("alternatives").findElements(By.tagName("button"));
        assertThat(alternatives).isNotEmpty();
        String first = byId("translation").getText();
        String chosen = alternatives.get(0).getText();
        alternatives.get(0).click();
        assertThat(byId("translation").getText()).isEqualTo(chosen);
        assertThat(byId("alternatives").getText()).contains(first);
        assertThat(byId("counter").getText()).isEqualTo("24 / 5000");
    }

    @Test
    void ctrlEnterTranslatesAndAutoDetectsTheLanguage() {
        new Select(byId("source-language")).selectByValue("auto");
        new Select(byId("target-language")).selectByValue("en");
        byId("source-text").sendKeys("Me gusta mucho este libro.", Keys.chord(Keys.CONTROL, Keys.ENTER));
        waitUntil(() -> byId("translation").getText().toLowerCase().contains("book"));
        assertThat(byTestId("detected-language").getText()).startsWith("Detected: Spanish (").endsWith("%)");
    }

    @Test
    void swapsLanguagesAndTranslatesBack() {
        new Select(byId("source-language")).selectByValue("es");
        new Select(byId("target-language")).selectByValue("en");
        byId("source-text").sendKeys("Me gusta mucho este libro.");
        waitUntil(() -> byId("translation").getText().toLowerCase().contains("book"));
        String english = byId("translation").getText();
        assertThat(byId("swap").isEnabled()).isTrue();
        byId("swap").click();
        assertThat(new Select(byId("source-language")).getFirstSelectedOption().getAttribute("value")).isEqualTo("en");
        assertThat(new Select(byId("target-language")).getFirstSelectedOption().getAttribute("value")).isEqualTo("es");
        assertThat(byId("source-text").getAttribute("value")).isEqualTo(english);
        waitUntil(() -> byId("translation").getText().toLowerCase().contains("libro"));
        new Select(byId("source-language")).selectByValue("de");   // de->en has no reverse model
        new Select(byId("target-language")).selectByValue("en");
        assertThat(byId("swap").isEnabled()).isFalse();
    }

    @Test
    void showsTheServicesErrorForAnOverLongText() {
        new Select(byId("source-language")).selectByValue("es");
        js("const t = document.getElementById('source-text'); t.value = 'hola '.repeat(1001);"
                + " t.dispatchEvent(new Event('input'));");
        assertThat(byId("counter").getText()).isEqualTo("5005 / 5000");
        assertThat(byId("counter").getAttribute("class")).contains("over");
        byId("translate-button").click();   // sent anyway: the answer is the service's problem+json
        waitUntil(() -> byId("translate-error").isDisplayed() && byId("translate-error").getText().contains("5000"));
        assertThat(byId("translate-error").getText()).contains("5005");
        assertThat(byId("translation").getText()).isEmpty();
    }

    @Test
    void holdsATwoTurnChatThatSurvivesAReload() {
        byTestId("view-chat").click();
        new Select(byId("chat-language")).selectByValue("en");
        byTestId("chat-input").sendKeys("Hello!", Keys.ENTER);
        waitUntil(() -> replies().size() == 1 && !replies().get(0).getText().isBlank());
        byTestId("chat-input").sendKeys("What do you like to do?");
        byTestId("chat-send").click();
        waitUntil(() -> replies().size() == 2 && !replies().get(1).getText().isBlank());
        String conversation = (String) js("return localStorage.getItem('seq2seq.conversation')");
        assertThat(conversation).isNotBlank();
        List<String> said = replies().stream().map(WebElement::getText).toList();

        driver.navigate().refresh();
        waitUntil(() -> "true".equals(js("return document.body.dataset.ready")));
        assertThat(byId("chat").isDisplayed()).as("the view is kept in the address").isTrue();
        waitUntil(() -> replies().size() == 2);
        assertThat(replies().stream().map(WebElement::getText).toList()).isEqualTo(said);
        assertThat(byTestId("chat-log").getText()).contains("Hello!", "What do you like to do?");

        byTestId("new-conversation").click();
        assertThat(replies()).isEmpty();
        assertThat(js("return localStorage.getItem('seq2seq.conversation')")).isNull();
    }

    @Test
    void drawsTheAttentionMapAndGateChartOfATranslation() {
        new Select(byId("source-language")).selectByValue("es");
        new Select(byId("target-language")).selectByValue("en");
        byId("source-text").sendKeys("El gato come pescado.");
        byTestId("view-inside").click();
        waitUntil(() -> !byTestId("attention-map").findElements(By.cssSelector("table tbody tr")).isEmpty());
        WebElement table = byTestId("attention-map").findElement(By.tagName("table"));
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        int columns = table.findElements(By.cssSelector("thead th")).size() - 1;
        assertThat(columns).isGreaterThan(1);
        for (WebElement row : rows) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertThat(cells).hasSize(columns);
            double sum = cells.stream().mapToDouble(c -> Double.parseDouble(c.getAttribute("data-weight"))).sum();
            assertThat(sum).isCloseTo(1.0, within(1e-3));
        }
        assertThat(rows.get(rows.size() - 1).findElement(By.tagName("th")).getText()).isEqualTo("</s>");
        WebElement chart = byTestId("gate-chart");
        assertThat(chart.findElements(By.cssSelector("polyline[data-series]"))).hasSize(4);
        assertThat(chart.findElements(By.cssSelector("svg > text")).stream().map(WebElement::getText).toList())
                .containsSequence(rows.stream().map(r -> r.findElement(By.tagName("th")).getText()).toList());
        assertThat(byId("inside-output").getText()).isNotBlank();
    }

    @Test
    void showsEveryModelsCardAndTrainingPlot() throws Exception {
        String models = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/models"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        int count = com.jayway.jsonpath.JsonPath.<List<?>>read(models, "$").size();
        byTestId("view-models").click();
        waitUntil(() -> driver.findElements(By.cssSelector("[data-testid=model-card]")).size() == count);
        WebElement esEn = driver.findElements(By.cssSelector("[data-testid=model-card]")).stream()
                .filter(c -> c.findElement(By.tagName("h2")).getText().equals("es-en")).findFirst().orElseThrow();
        assertThat(esEn.getText()).contains("translate es → en", "devBleuBeam5");
        WebElement plot = esEn.findElement(By.tagName("img"));
        waitUntil(() -> ((Number) js("return arguments[0].naturalWidth", plot)).intValue() > 0);
    }

    @Test
    void worksFromTheKeyboardOnAPhoneWidthScreenInTheDark() {
        driver.manage().window().setSize(new Dimension(390, 844));
        byTestId("view-translate").sendKeys(Keys.ARROW_RIGHT);
        assertThat(byId("chat").isDisplayed()).isTrue();
        assertThat(js("return document.activeElement.id")).isEqualTo("tab-chat");
        byTestId("view-chat").sendKeys(Keys.ARROW_LEFT);
        assertThat(byId("translate").isDisplayed()).isTrue();
        long overflow = (Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as("no sideways scrolling at phone width").isLessThanOrEqualTo(0);
        for (String id : List.of("source-text", "source-language", "target-language", "api-key", "chat-input")) {
            assertThat(js("const e = document.getElementById(arguments[0]); return e.labels.length > 0"
                    + " || e.hasAttribute('aria-label')", id)).as(id + " has a label").isEqualTo(true);
        }
        byId("theme").click();
        String background = (String) js("return getComputedStyle(document.body).backgroundColor");
        byId("theme").click();
        assertThat((String) js("return getComputedStyle(document.body).backgroundColor")).isNotEqualTo(background);
    }

    private List<WebElement> replies() {
        return driver.findElements(By.cssSelector("[data-testid=chat-log] [data-testid=chat-reply]"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    private static WebElement byTestId(String id) {
        return driver.findElement(By.cssSelector("[data-testid=" + id + "]"));
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> condition.getAsBoolean());
    }
}
