package org.carrierhost.plugins.telnyx;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Encodes query names, values and path segments for Telnyx: UTF-8 percent-encoding with a space as {@code %20},
 * never {@code +}, which a server that decodes only percent escapes would read as a plus.
 *
 * <p>Thread-safe: stateless.
 */
final class Query {

    private Query() {
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
