/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the breaker page in headless Chromium: the demo load runs, the test forces one
 * breaker open with its button, raises the failure rate with the chaos knob and waits for
 * the page to show the other breaker open. Needs the Debian packages {@code chromium} and
 * {@code chromium-driver}; runs in the {@code browser-tests} Maven profile.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.outages.enabled=false")
class BreakerPageBrowserTests {

	private static final Path SCREENSHOT = Paths.get("target", "breaker-page.png");

	private static final Path FAILURE_SCREENSHOT = Paths.get("target", "breaker-page-failure.png");

	@LocalServerPort
	private int port;

	@Autowired
	private FlakyDownstream downstream;

	@Autowired
	private CircuitBreakerRegistry registry;

	private ChromeDriverService service;

	private ChromeDriver browser;

	@BeforeEach
	void startBrowser(@TempDir Path profile) throws IOException {
		Files.deleteIfExists(SCREENSHOT);
		// The Debian driver, never a download: Selenium Manager stays out of the way.
		this.service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		// Without the networking flags Chromium keeps trying to reach the internet.
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1000");
		this.browser = new ChromeDriver(this.service, options);
	}

	@AfterEach
	void stopBrowser() throws IOException {
		if (this.browser != null && !Files.exists(SCREENSHOT)) {
			// The test failed before its screenshot: keep what the page showed.
			Files.createDirectories(SCREENSHOT.getParent());
			Files.copy(this.browser.getScreenshotAs(OutputType.FILE).toPath(), FAILURE_SCREENSHOT,
					StandardCopyOption.REPLACE_EXISTING);
		}
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.service != null) {
			this.service.stop();
		}
	}

	@Test
	void showsTheBreakerOpenAfterTheChaosKnobRaisesTheFailureRate() throws IOException {
		this.browser.get("http://localhost:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
		WebElement card = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("breaker-quotes")));
		assertThat(card.getDomAttribute("data-state")).isEqualTo("CLOSED");

		this.browser.findElement(By.cssSelector("#breaker-quotes-async .force-open")).click();
		wait.until(ExpectedConditions.attributeToBe(By.id("breaker-quotes-async"), "data-state", "FORCED_OPEN"));
		assertThat(this.registry.find("quotes-async").orElseThrow().state()).isEqualTo(State.FORCED_OPEN);

		WebElement failureRate = this.browser.findElement(By.id("failure-rate"));
		failureRate.click();
		failureRate.sendKeys(Keys.chord(Keys.CONTROL, "a"), "100");
		this.browser.findElement(By.id("apply-chaos")).click();

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("downstream-status"), "fails 100%"));
		assertThat(this.downstream.settings().failureRate()).isEqualTo(1.0);
		wait.until(ExpectedConditions.attributeToBe(By.id("breaker-quotes"), "data-state", "OPEN"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#breaker-quotes .transitions"),
				"CLOSED → OPEN"));

		assertThat(card.findElement(By.className("state")).getText()).isEqualTo("OPEN");
		assertThat(card.findElement(By.className("transitions")).getText()).contains("failure rate");
		wait.until(ExpectedConditions
			.not(ExpectedConditions.textToBe(By.cssSelector("#breaker-quotes .not-permitted-calls"), "0")));
		Files.createDirectories(SCREENSHOT.getParent());
		Files.copy(this.browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT,
				StandardCopyOption.REPLACE_EXISTING);
		assertThat(SCREENSHOT).isNotEmptyFile();
	}

}
