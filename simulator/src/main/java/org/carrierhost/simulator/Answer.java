package org.carrierhost.simulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

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

    /** This answer with one more header. */
    Answer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Answer(status, body, type, more);
    }

    static Answer text(int status, String body) {
        return new Answer(status, body, "text/plain; charset=UTF-8", Map.of());
    }

    /**
     * A Bandwidth-style {@code ResponseStatus} error body under {@code root}, or as the root itself when
     * {@code root} is {@code ResponseStatus} (as on a 401 or 403).
     */
    static Answer responseStatus(int status, String root, String code, String description) {
        XmlBuilder xml = new XmlBuilder().open(root);
        if (!root.equals("ResponseStatus")) {
            xml.open("ResponseStatus");
        }
        return xml(status, xml.element("ErrorCode", code).element("Description", description).build());
    }

    /**
     * A refused order or disconnect as Bandwidth publishes it: {@code ErrorList/Error} with {@code Code} and
     * {@code Description} first, then what {@code echo} writes (the request echoed without an id, or nothing).
     */
    static Answer errorList(int status, String root, String code, String description, Consumer<XmlBuilder> echo) {
        XmlBuilder xml = new XmlBuilder().open(root).open("ErrorList").error(code, description).close();
        echo.accept(xml);
        return xml(status, xml.build());
    }
}
