package org.carrierhost.host.plugins.isolation;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The channel between the host and a carrier's process: each message is one JSON object, sent as a 4-byte
 * big-endian length and that many bytes of UTF-8. Length-prefixed frames need no escaping, cannot be confused by
 * a partial line, and let a reader refuse an oversized message before it allocates it.
 *
 * <p>Thread-safe: writes are serialised on the output; reads belong to the one thread that reads.
 */
final class Frames {

    /** The largest message either side accepts: a search of thousands of offers fits many times over. */
    static final int MAX_FRAME = 32 << 20;

    /**
     * Both ends' mapper. A field it does not know is skipped: the api's records also write what they derive (a
     * {@code SearchFilters}' {@code empty}), which is not theirs to read back.
     */
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final DataInputStream in;
    private final DataOutputStream out;

    Frames(InputStream in, OutputStream out) {
        this.in = new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
        this.out = new DataOutputStream(new java.io.BufferedOutputStream(out, 1 << 16));
    }

    /**
     * The next message.
     *
     * @throws EOFException when the other side closed the channel
     * @throws IOException  when a frame is malformed or too large
     */
    ObjectNode read() throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("a frame of " + length + " bytes is out of bounds (at most " + MAX_FRAME + ")");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        if (!(JSON.readTree(bytes) instanceof ObjectNode message)) {
            throw new IOException("a frame is not a JSON object");
        }
        return message;
    }

    /** Sends {@code message} whole, then flushes. */
    void write(ObjectNode message) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(message);
        if (bytes.length > MAX_FRAME) {
            throw new IOException("a message of " + bytes.length + " bytes is over the frame limit of " + MAX_FRAME);
        }
        synchronized (out) {
            out.writeInt(bytes.length);
            out.write(bytes);
            out.flush();
        }
    }

    /** A new empty message. */
    static ObjectNode message() {
        return JSON.createObjectNode();
    }
}
