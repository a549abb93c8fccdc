package org.carrierhost.simulator;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes the simulator's XML replies by hand, escaping text, so replies look like Bandwidth's without
 * sharing any code with the carrier that reads them.
 *
 * <p>Not thread-safe: one builder per reply.
 */
final class XmlBuilder {

    private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
    private final Deque<String> open = new ArrayDeque<>();

    XmlBuilder open(String name) {
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    XmlBuilder close() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    XmlBuilder element(String name, String text) {
        if (text == null || text.isEmpty()) {
            out.append('<').append(name).append("/>");
        } else {
            out.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append('>');
        }
        return this;
    }

    /** An {@code Error} element with a code and description. */
    XmlBuilder error(String code, String description) {
        return open("Error").element("Code", code).element("Description", description).close();
    }

    /** An {@code ErrorList/Error} entry with a code, description and the number it is about. */
    XmlBuilder error(String code, String description, String telephoneNumber) {
        return open("Error").element("Code", code).element("Description", description)
                .element("TelephoneNumber", telephoneNumber).close();
    }

    String build() {
        while (!open.isEmpty()) {
            close();
        }
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
