package org.carrierhost.plugins.bandwidth;

import java.util.Optional;

import org.w3c.dom.Document;

/**
 * What Bandwidth answered to an accepted {@code POST}: a body that could be read, or one that could not.
 * Either way the request was accepted, so what it created (an order, a disconnect) may exist, and the
 * {@code Location} header may still name it.
 *
 * <p>Thread-safe: immutable values; a {@link Readable}'s document is only read after it is built.
 */
public sealed interface PostReply {

    /** The id in the reply's {@code Location} header, if it sent one. */
    Optional<String> locationId();

    /** An accepted reply with a readable XML body. */
    record Readable(Document doc, Optional<String> locationId) implements PostReply {
    }

    /**
     * An accepted reply whose body is not readable XML.
     *
     * @param status  the HTTP status
     * @param problem why the body could not be read
     */
    record Unreadable(int status, String problem, Optional<String> locationId) implements PostReply {
    }
}
