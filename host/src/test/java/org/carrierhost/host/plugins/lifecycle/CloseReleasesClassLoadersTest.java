package org.carrierhost.host.plugins.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.carrierhost.host.Await;
import org.carrierhost.host.CarrierHost;
import org.carrierhost.host.TestHosts;
import org.carrierhost.host.TestPlugins;
import org.carrierhost.host.manager.SearchRequest;
import org.carrierhost.host.parts.HostParts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CarrierHost#close()} releases every plugin class loader: none stays reachable once the host is dropped. */
class CloseReleasesClassLoadersTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void noPluginClassLoaderIsReachableAfterClose() throws Exception {
        TestPlugins.copyMock(plugins);
        TestPlugins.copyLocal(plugins);
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        try (CarrierHost host = CarrierHost.builder().pluginsDir(plugins).dataDir(data).settings(TestHosts.IN_HOST).start()) {
            for (String id : List.of("mock", "local")) {
                loaders.add(new WeakReference<>(HostParts.of(host).carriers().existing(id).orElseThrow().live().classLoader()));
            }
            host.manager().find(SearchRequest.of("415", 5));
            HostParts.of(host).lifecycle().reload("mock", "test");
            loaders.add(new WeakReference<>(HostParts.of(host).carriers().existing("mock").orElseThrow().live().classLoader()));
        }
        for (int i = 0; i < 50 && reachable(loaders) > 0; i++) {
            System.gc();
            Await.pause(50);
        }
        assertEquals(0, reachable(loaders), "plugin class loaders still reachable after close");
    }

    private static int reachable(List<WeakReference<ClassLoader>> loaders) {
        return (int) loaders.stream().filter(r -> r.get() != null).count();
    }
}
