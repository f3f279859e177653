package dev.seq2seq.api;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The page's numbers, printed, not asserted (not part of {@code verify}; {@code bench/web-page.sh}
 * runs it): bytes of the first load, time until the translate view is ready with its languages, and
 * the time from the debounce firing to a one-sentence es->en translation on screen (shipped bundle,
 * one client, warm service).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "seq2seq.models-dir=models")
@ActiveProfiles("test")
class WebPageBenchmark {
    static final List<String> SENTENCES = List.of(
            "¿Dónde está la estación de tren?", "Me gusta mucho este libro.", "Mañana vamos a la playa con mis amigos.",
            "El restaurante abre a las ocho.", "No entiendo lo que dices.", "Mi hermana vive en Valencia desde 2019.",
            "¿Cuánto cuesta esta camisa?", "Hace mucho calor hoy.", "Necesito hablar con el médico.",
            "Los niños juegan en el parque.", "Compré tres manzanas y un pan.", "¿Puedes ayudarme, por favor?");

    @LocalServerPort
    int port;

    @Test
    void printsThePagesNumbers() {
        assumeTrue(Browser.available(), Browser.MISSING);
        ChromeDriver driver = Browser.start();
        try {
            String url = "http://localhost:" + port + "/";
            JavascriptExecutor js = driver;
            List<Long> ready = new ArrayList<>();
            long bytes = 0;
            for (int i = 0; i < 11; i++) {
                driver.get(url + "?run=" + i);
                new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "true".equals(js.executeScript("return document.body.dataset.ready")));
                if (i > 0) {   // the first load warms the service's and the browser's code
                    ready.add(Long.parseLong((String) js.executeScript("return document.body.dataset.readyMs")));
                }
                bytes = ((Number) js.executeScript("const n = performance.getEntriesByType('navigation')[0];"
                        + " return performance.getEntriesByType('resource').reduce((s, r) => s + r.transferSize, n.transferSize)")).longValue();
            }
            // cache disabled for the byte count: what a first visit transfers
            driver.executeCdpCommand("Network.enable", java.util.Map.of());
            driver.executeCdpCommand("Network.setCacheDisabled", java.util.Map.of("cacheDisabled", true));
            driver.get(url + "?cold");
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "true".equals(js.executeScript("return document.body.dataset.ready")));
            bytes = ((Number) js.executeScript("const n = performance.getEntriesByType('navigation')[0];"
                    + " return performance.getEntriesByType('resource').reduce((s, r) => s + r.transferSize, n.transferSize)")).longValue();

            new Select(driver.findElement(org.openqa.selenium.By.id("source-language"))).selectByValue("es");
            new Select(driver.findElement(org.openqa.selenium.By.id("target-language"))).selectByValue("en");
            List<Long> latencies = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String sentence : SENTENCES) {
                    String text = round == 0 ? sentence : sentence.replace(".", "").replace("?", "") + (round == 1 ? "." : "!");
                    js.executeScript("document.body.dataset.translationMs = ''; const t = document.getElementById('source-text');"
                            + " t.value = arguments[0]; t.dispatchEvent(new Event('input'));", text);
                    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !"".equals(js.executeScript("return document.body.dataset.translationMs")));
                    if (round > 0) {   // round 0 warms up
                        latencies.add(Long.parseLong((String) js.executeScript("return document.body.dataset.translationMs")));
                    }
                }
            }
            System.out.printf("web page: first load %d bytes (cache off, all requests); ready with languages in ms: %s%n",
                    bytes, summary(ready));
            System.out.printf("web page: debounce fired -> es-en translation on screen, ms (%d sentences): %s%n",
                    latencies.size(), summary(latencies));
        } finally {
            driver.quit();
        }
    }

    private static String summary(List<Long> values) {
        long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return "p50 " + v[v.length / 2] + ", p90 " + v[(int) Math.floor(v.length * 0.9)] + ", max " + v[v.length - 1]
                + " " + Arrays.toString(v);
    }
}
