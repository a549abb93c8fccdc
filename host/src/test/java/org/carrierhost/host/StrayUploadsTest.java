package org.carrierhost.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads killed before their answer leave no file behind once the host starts again; nothing else is touched. */
class StrayUploadsTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    @Test
    void aStartRemovesUnansweredUploadsAndLeavesEveryOtherFile() throws Exception {
        Path installDir = data.resolve(CarrierHost.INSTALL_DIR);
        Files.createDirectories(installDir);
        Path stray = Files.write(installDir.resolve(".install-6f1c2d.tmp"), new byte[] {'P', 'K', 3, 4});
        Path operators = Files.writeString(installDir.resolve("notes.txt"), "kept");

        try (CarrierHost host = TestHosts.start(plugins, data, Map.of())) {
            assertFalse(Files.exists(stray), "the unanswered upload is still there");
            assertTrue(Files.exists(operators), "a file the host did not write was removed");
        }
        assertEquals(0, StrayUploads.clean(installDir));
    }
}
