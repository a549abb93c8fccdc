package org.carrierhost.host.plugins.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.carrierhost.host.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a start groups the plugins directory's zips before it loads carriers side by side. */
class DropInFeedTest {

    @TempDir
    Path plugins;

    @Test
    void zipsThatDeclareOneIdAreLoadedInOneGroupInNameOrder() throws Exception {
        Path first = TestPlugins.mockVariant(plugins, "mock", "1.0.0");
        Path other = TestPlugins.mockVariant(plugins, "other", "1.0.0");
        Path second = TestPlugins.mockVariant(plugins, "mock", "2.0.0");

        assertEquals(List.of(List.of(first, second), List.of(other)), DropInFeed.byDeclaredId(List.of(first, other, second)));
    }

    @Test
    void aZipThatDeclaresNoIdIsAGroupOfItsOwn() throws Exception {
        Path empty = TestPlugins.zipOf(plugins.resolve("a.zip"), Map.of("readme.txt", "nothing".getBytes()));
        Path alsoEmpty = TestPlugins.zipOf(plugins.resolve("b.zip"), Map.of("readme.txt", "nothing".getBytes()));

        assertEquals(List.of(List.of(empty), List.of(alsoEmpty)), DropInFeed.byDeclaredId(List.of(empty, alsoEmpty)));
    }
}
