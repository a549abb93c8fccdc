package org.carrierhost.host.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.carrierhost.host.TestHosts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's search form ({@code #numbers}, {@code console/modules/numbers.js}) with the search vocabulary, in a
 * real Chromium against a real host on the real mock carrier: the filters go to the host, every number shown holds
 * them, each carrier asked says what it applied, approximated, ignored and dropped, and a carrier skipped says why.
 */
class ConsoleSearchBrowserTest extends ConsoleViewFixture {

    private void type(String field, String text) {
        WebElement input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(text);
    }

    private void searchFromTheForm() {
        browser.findElement(By.cssSelector("#search button[type=submit]")).click();
        String banner = waiting().until(d -> {
            String text = d.findElement(By.id("banner")).getText();
            return text.isBlank() ? null : text;
        });
        assertTrue(banner.contains("numbers found"), banner);
    }

    @Test
    void theFiltersOfTheFormReturnOnlyMatchingNumbersAndTheCarrierSaysWhatItApplied() {
        signIn(TestHosts.ADMIN_TOKEN);
        open("numbers");
        type("prefix", "");
        type("area_code", "415");
        type("ends_with", "24");
        type("locality", "San Francisco");
        type("region", "CA");
        browser.findElement(By.cssSelector("#features input[value=sms]")).click();
        new Select(browser.findElement(By.id("type"))).selectByValue("local");

        searchFromTheForm();

        List<WebElement> rows = waiting().until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#number-rows tr"));
            return found.isEmpty() ? null : found;
        });
        for (WebElement row : rows) {
            assertTrue(row.getAttribute("data-number").matches("\\+1415[0-9]{5}24"), row.getAttribute("data-number"));
            assertTrue(row.getText().contains("San Francisco"), row.getText());
        }
        WebElement mock = browser.findElement(By.cssSelector("#search-carrier-rows tr[data-carrier=mock]"));
        String applied = mock.findElement(By.cssSelector("td.applied")).getText();
        for (String filter : List.of("area_code", "ends_with", "locality", "region", "type", "features")) {
            assertTrue(applied.contains(filter), applied);
        }
        assertEquals("—", mock.findElement(By.cssSelector("td.ignored")).getText());
        assertEquals("0", mock.findElement(By.cssSelector("td.dropped")).getText());
    }

    @Test
    void aCarrierThatCannotAnswerIsListedAsSkippedWithItsReason() {
        signIn(TestHosts.ADMIN_TOKEN);
        open("numbers");
        new Select(browser.findElement(By.id("type"))).selectByValue("mobile");

        searchFromTheForm();

        WebElement skipped = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#search-skipped li[data-carrier=mock]")));
        assertTrue(skipped.getText().contains("mock skipped: serves only local, toll_free numbers, not mobile"), skipped.getText());
        assertTrue(browser.findElements(By.cssSelector("#number-rows tr")).isEmpty());
        assertFalse(browser.findElement(By.id("search-carriers")).isDisplayed());
    }
}
