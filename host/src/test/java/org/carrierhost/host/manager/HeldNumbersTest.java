package org.carrierhost.host.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numbers somebody holds never appear in a search, and never leave its page short. */
class HeldNumbersTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void aNumberAcquiredThroughThisHostIsOutOfItsVeryNextSearch() throws Exception {
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            String first = numbers(host, 3).get(0);
            host.manager().acquire(first, AcquireRequest.forAccount("acct"), "test");

            assertFalse(numbers(host, 3).contains(first));
        }
    }

    @Test
    void aNumberHeldBeforeARestartIsOutOfTheSearchesAfterIt() throws Exception {
        TestPlugins.copyMock(plugins);
        String first;
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            first = numbers(host, 3).get(0);
            host.manager().acquire(first, AcquireRequest.forAccount("acct"), "test");
        }
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            assertFalse(numbers(host, 3).contains(first));
        }
    }

    @Test
    void aSearchForNAfterSomeNumbersWereHeldStillReturnsN() throws Exception {
        TestPlugins.copyMock(plugins);
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            List<String> before = numbers(host, 3);
            host.manager().acquire(before.get(0), AcquireRequest.forAccount("acct"), "test");
            host.manager().acquire(before.get(2), AcquireRequest.forAccount("acct"), "test");

            List<String> after = numbers(host, 3);

            assertEquals(3, after.size(), after.toString());
            assertEquals(before.get(1), after.get(0));
            assertFalse(after.contains(before.get(0)) || after.contains(before.get(2)), after.toString());
        }
    }

    @Test
    void aSearchOverSeveralCarriersStaysFullWhenHeldNumbersAreLeftOut() throws Exception {
        TestPlugins.copyMock(plugins);
        TestPlugins.mockVariant(plugins, "other", "1.0.0");
        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            List<String> before = numbers(host, 4);
            for (String n : before.subList(0, 2)) {
                host.manager().acquire(n, AcquireRequest.forAccount("acct"), "test");
            }

            List<String> after = numbers(host, 4);

            assertEquals(4, after.size(), after.toString());
            assertFalse(after.contains(before.get(0)) || after.contains(before.get(1)), after.toString());
        }
    }

    private static List<String> numbers(CarrierHost host, int quantity) {
        return host.manager().find(SearchRequest.of("415", quantity)).numbers().stream().map(FoundNumber::number).toList();
    }
}
