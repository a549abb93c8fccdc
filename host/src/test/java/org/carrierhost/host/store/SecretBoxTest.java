package org.carrierhost.host.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings key: made once with mode 0600, sealing each value apart, and refusing clearly what it did not seal. */
class SecretBoxTest {

    @TempDir
    Path data;

    @Test
    void theKeyFileIsMadeOnFirstUseForItsOwnerOnlyAndKeptAfter() throws Exception {
        SecretBox first = SecretBox.openOrCreate(data);
        String key = Files.readString(data.resolve(SecretBox.FILE));

        SecretBox again = SecretBox.openOrCreate(data);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(SecretBox.FILE))));
        assertEquals(key, Files.readString(data.resolve(SecretBox.FILE)));
        assertEquals("p4ss", again.open(first.seal("p4ss", "carrier.bw.password"), "carrier.bw.password"));
    }

    @Test
    void aSealedValueShowsNothingOfItAndDiffersEachTime() {
        SecretBox box = SecretBox.openOrCreate(data);

        String one = box.seal("hunter2-secret", "carrier.bw.password");
        String two = box.seal("hunter2-secret", "carrier.bw.password");

        assertFalse(one.contains("hunter2"), one);
        assertNotEquals(one, two);
    }

    @Test
    void aValueMovedToAnotherKeyDoesNotOpen() {
        SecretBox box = SecretBox.openOrCreate(data);
        String sealed = box.seal("hunter2-secret", "carrier.bw.password");

        SecretBox.SecretKeyException refused = assertThrows(SecretBox.SecretKeyException.class,
                () -> box.open(sealed, "carrier.other.password"));

        assertTrue(refused.getMessage().contains("carrier.other.password"), refused.getMessage());
    }

    @Test
    void aValueSealedUnderAnotherHostsKeyIsRefusedNamingTheKeyFile(@TempDir Path other) {
        String sealed = SecretBox.openOrCreate(other).seal("hunter2-secret", "carrier.bw.password");
        SecretBox mine = SecretBox.openOrCreate(data);

        SecretBox.SecretKeyException refused = assertThrows(SecretBox.SecretKeyException.class,
                () -> mine.open(sealed, "carrier.bw.password"));

        assertTrue(refused.getMessage().contains(data.resolve(SecretBox.FILE).toString()), refused.getMessage());
    }

    @Test
    void aKeyFileThatIsNotAKeyIsRefusedNamingIt() throws Exception {
        Files.writeString(data.resolve(SecretBox.FILE), "not a key\n");

        SecretBox.SecretKeyException refused = assertThrows(SecretBox.SecretKeyException.class,
                () -> SecretBox.openOrCreate(data));

        assertTrue(refused.getMessage().contains(data.resolve(SecretBox.FILE) + " is not a settings key"), refused.getMessage());
    }
}
