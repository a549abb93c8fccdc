package org.carrierhost.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's systemd unit: its own user, restart after any exit but a stop, stop by SIGTERM, valid to systemd, hardened to an
 * exposure systemd-analyze rates "OK", and every directive explained.
 */
class SystemdUnitIT {

    private static final Path HOME = Path.of(System.getProperty("dist.home", "target/carrier-host"));
    private static final Path UNIT = HOME.resolve("systemd/carrier-host.service");

    @TempDir
    Path dir;

    @Test
    void theUnitRunsAsItsOwnUserRestartsAfterAnyExitButAStopAndStopsWithSigterm() throws Exception {
        List<String> lines = Files.readAllLines(UNIT);
        for (String line : List.of("User=carrier-host", "Restart=always", "KillSignal=SIGTERM",
                "ExecStart=/opt/carrier-host/bin/carrier-host")) {
            assertTrue(lines.contains(line), line);
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("TimeoutStopSec=")));
    }

    @Test
    void systemdAnalyzeVerifiesTheUnit() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        assumeTrue(Files.isExecutable(analyze) || Files.isExecutable(Path.of("/bin/systemd-analyze")),
                "systemd-analyze is not installed (apt-get install systemd), so the unit is not verified");
        // As installed: /opt/carrier-host is the distribution's home, here the built folder.
        Path unit = installedUnit();
        Process verify = new ProcessBuilder("systemd-analyze", "verify", unit.toString()).redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(verify.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, verify.exitValue(), output);
        assertEquals("", output.strip(), "systemd-analyze warns nothing");
    }

    /** The unit as installed, its paths pointing at the built distribution. */
    private Path installedUnit() throws Exception {
        Path unit = dir.resolve("carrier-host.service");
        Files.writeString(unit, Files.readString(UNIT).replace("/opt/carrier-host", HOME.toAbsolutePath().toString()));
        return unit;
    }

    @Test
    void systemdAnalyzeSecurityRatesTheUnitOk() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")) || Files.isExecutable(Path.of("/bin/systemd-analyze")),
                "systemd-analyze is not installed (apt-get install systemd), so the unit's exposure is not rated");
        Process security = new ProcessBuilder("systemd-analyze", "security", "--offline=true", "--no-pager",
                installedUnit().toString()).redirectErrorStream(true).start();
        String output = new String(security.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(security.waitFor(60, TimeUnit.SECONDS));
        assumeTrue(!output.contains("unrecognized option"), "this systemd-analyze cannot rate a unit file offline (systemd < 250)");

        java.util.regex.Matcher overall = java.util.regex.Pattern.compile("Overall exposure level for \\S+: (\\d+\\.\\d) (\\S+)")
                .matcher(output);
        assertTrue(overall.find(), output);
        double exposure = Double.parseDouble(overall.group(1));
        assertTrue(exposure <= 4.9, "exposure " + exposure + " " + overall.group(2) + ", above 4.9 (OK):\n" + output);
    }

    @Test
    void everyDirectiveIsExplainedByTheCommentAboveItsGroup() throws Exception {
        List<String> unexplained = new java.util.ArrayList<>();
        boolean explained = false;
        for (String line : Files.readAllLines(UNIT)) {
            String text = line.strip();
            if (text.startsWith("#")) {
                explained = true;
            } else if (text.isEmpty() || text.startsWith("[")) {
                explained = false;
            } else if (!explained) {
                unexplained.add(text);
            }
        }
        assertEquals(List.of(), unexplained, "directives with no comment above them or their group");
    }
}
