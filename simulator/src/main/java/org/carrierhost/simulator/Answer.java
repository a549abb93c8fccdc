package org.carrierhost.simulator;

import java.util.Map;

/**
 * One HTTP reply of the simulator.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param status  the HTTP status
 * @param body    the body text
 * @param type    the Content-Type
 * @param headers extra headers
 */
record Answer(int status, String body, String type, Map<String, String> headers) {

    Answer {
        headers = Map.copyOf(headers);
    }

    static Answer xml(int status, String body) {
        return new Answer(status, body, "application/xml; charset=UTF-8", Map.of());
    }

    static Answer text(int status, String body) {
        return new Answer(status, body, "text/plain; charset=UTF-8", Map.of());
    }

    /** A Bandwidth-style {@code ResponseStatus} error body under {@code root}. */
    static Answer responseStatus(int status, String root, String code, String description) {
        return xml(status, new XmlBuilder().open(root).open("ResponseStatus").element("ErrorCode", code)
                .element("Description", description).build());
    }
}
