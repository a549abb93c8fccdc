package org.carrierhost.host.plugins.isolation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the host's process writes on {@code System.out} and {@code System.err} while it is open, copied aside (the
 * streams still write where they did): a test reads it to see whether anything a carrier printed reached the host.
 * Closing it puts the streams back.
 *
 * <p>Thread-safe: writes to the copy take its lock; it is opened and closed by one test thread.
 */
final class HostOutput implements AutoCloseable {

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final ByteArrayOutputStream seen = new ByteArrayOutputStream();
    private final PrintStream capturingOut = new PrintStream(new Tee(out, seen), true);

    private HostOutput() {
        System.setOut(capturingOut);
        System.setErr(new PrintStream(new Tee(err, seen), true));
    }

    /** Starts copying the host's output. */
    static HostOutput capture() {
        return new HostOutput();
    }

    /** Whether {@code System.out} is still the one this set, which nobody replaced since. */
    boolean outIsOurs() {
        return System.out == capturingOut;
    }

    /** The lines written so far that contain {@code text}. */
    List<String> linesWith(String text) {
        String written;
        synchronized (seen) {
            written = seen.toString(StandardCharsets.UTF_8);
        }
        return written.lines().filter(line -> line.contains(text)).toList();
    }

    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
    }

    /** Writes to both streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final ByteArrayOutputStream second;

        Tee(OutputStream first, ByteArrayOutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            synchronized (second) {
                second.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            synchronized (second) {
                second.write(b, off, len);
            }
        }
    }
}
