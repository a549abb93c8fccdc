package org.carrierhost.host.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class EnvironmentKeysTest {

    @Test
    void hostVariablesMapToTheirKeys() {
        assertEquals(Map.of("http.port", "1", "search.timeout_ms", "2", "store.jdbc_url", "3", "plugins.drain_timeout_ms", "4"),
                EnvironmentKeys.settings(Map.of("CARRIER_HOST_HTTP_PORT", "1", "CARRIER_HOST_SEARCH_TIMEOUT_MS", "2",
                        "CARRIER_HOST_STORE_JDBC_URL", "3", "CARRIER_HOST_PLUGINS_DRAIN_TIMEOUT_MS", "4", "PATH", "/bin")));
    }

    @Test
    void carrierAndTokenVariablesHaveOneLevelMore() {
        assertEquals(Map.of("carrier.bandwidth.base_url", "u", "auth.token.my_ci", "t"),
                EnvironmentKeys.settings(Map.of("CARRIER_HOST_CARRIER_BANDWIDTH_BASE_URL", "u", "CARRIER_HOST_AUTH_TOKEN_MY_CI", "t")));
    }

    @Test
    void variablesOfKeysWithMoreSectionsMapByTheTable() {
        assertEquals(Map.of("http.tls.keystore", "k", "http.tls.keystore_password", "p", "carrier.bw.breaker.open_ms", "9"),
                EnvironmentKeys.settings(Map.of("CARRIER_HOST_HTTP_TLS_KEYSTORE", "k", "CARRIER_HOST_HTTP_TLS_KEYSTORE_PASSWORD", "p",
                        "CARRIER_HOST_CARRIER_BW_BREAKER_OPEN_MS", "9")));
    }

    @Test
    void aVariableOfNoSettingBecomesAKeyTheStartCanNameUnknown() {
        assertEquals(Map.of("search.timeout", "1"), EnvironmentKeys.settings(Map.of("CARRIER_HOST_SEARCH_TIMEOUT", "1")));
    }
}
