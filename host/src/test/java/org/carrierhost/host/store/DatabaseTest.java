package org.carrierhost.host.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Opening the database: what an operator is told when it cannot be opened, secrets masked. */
class DatabaseTest {

    @Test
    void aDatabaseThatCannotBeReachedIsNamedWithThePasswordInItsUrlMasked() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Database.open("jdbc:postgresql://127.0.0.1:1/registry?user=ch&password=s3cret-in-url", "ch",
                        "s3cret-setting", 1));

        assertTrue(e.getMessage().startsWith("cannot prepare the database at jdbc:postgresql://127.0.0.1:1/registry?user=ch&password=********: "),
                e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void theShownUrlMasksEveryPasswordParameterAndKeepsTheRest() {
        assertEquals("jdbc:postgresql://db/ch?PASSWORD=********&ssl=true",
                Database.shown("jdbc:postgresql://db/ch?PASSWORD=x&ssl=true"));
        assertEquals("jdbc:h2:file:/data/registry;WRITE_DELAY=0", Database.shown("jdbc:h2:file:/data/registry;WRITE_DELAY=0"));
    }
}
