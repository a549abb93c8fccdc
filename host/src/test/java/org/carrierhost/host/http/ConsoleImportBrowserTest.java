package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.carrierhost.host.ApiClient;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console's import view ({@code #import}, {@code console/modules/import.js}) in a real Chromium against a real host
 * with the real local carrier: a CSV file picked there is sent as CSV, with its attribute columns, and a bad value in it
 * is shown as the host named it.
 */
class ConsoleImportBrowserTest extends ConsoleViewFixture {

    @TempDir
    Path files;

    @BeforeEach
    void addLocal() throws Exception {
        TestPlugins.copyLocal(plugins);
        waiting().until(d -> "STARTED".equals(ApiClient.of(host).get("/api/carriers/local").json().path("state").asText()));
    }

    private void importFile(String csv) throws Exception {
        Path file = Files.writeString(files.resolve("stock.csv"), csv);
        signIn(TestHosts.ADMIN_TOKEN);
        open("import");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#import-carrier option[value=local]")));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("import-carrier"))).selectByValue("local");
        browser.findElement(By.id("import-file")).sendKeys(file.toString());
        waiting().until(d -> d.findElement(By.id("import-text")).getAttribute("value").startsWith("number,"));
        browser.findElement(By.cssSelector("#import-form button[type=submit]")).click();
    }

    @Test
    void aPickedCsvFileIsImportedWithItsAttributes() throws Exception {
        importFile("number,locality,region,features\n+14155550700,San Francisco,CA,sms;voice\n+13125550700,Chicago,IL,voice\n");

        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-summary"), "local: 2 added, 0 present, 0 invalid"));
        assertEquals(List.of("+14155550700"), ApiClient.of(host).get("/api/numbers?carriers=local&locality=San%20Francisco&features=sms")
                .numbers());
    }

    @Test
    void aCsvWithABadValueIsRefusedNamingItsLineAndNothingIsImported() throws Exception {
        importFile("number,type\n+14155550700,local\n+14155550701,landline\n");

        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("banner"), "CSV line 3.type must be local, toll_free or mobile"));
        assertEquals(List.of(), ApiClient.of(host).get("/api/numbers?carriers=local&area_code=415").numbers());
    }
}
