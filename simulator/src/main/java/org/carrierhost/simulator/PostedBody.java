package org.carrierhost.simulator;

import java.util.Locale;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A posted order or disconnect body: its root element, or the reply refusing it (not declared as XML: 415
 * with a {@code ResponseStatus}; malformed or another root: 400 with an {@code ErrorList}, as Bandwidth
 * refuses a body).
 *
 * <p>Thread-safe: an immutable value once read; the element is only read.
 *
 * @param root    the body's root element, or null when refused
 * @param refusal the reply refusing it, or null
 */
record PostedBody(Element root, Answer refusal) {

    static PostedBody read(String contentType, String body, String expectedRoot, String replyRoot) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).trim();
        if (!type.startsWith("application/xml") && !type.startsWith("text/xml")) {
            return new PostedBody(null, Answer.responseStatus(415, replyRoot, "1002", "Content-Type must be "
                    + "application/xml, got '" + (contentType == null ? "" : contentType) + "'"));
        }
        try {
            Document doc = RequestXml.parse(body);
            Element root = doc.getDocumentElement();
            if (root.getTagName().equals(expectedRoot)) {
                return new PostedBody(root, null);
            }
            return refused(replyRoot, "expected a <" + expectedRoot + "> body, got <" + root.getTagName() + ">");
        } catch (IllegalArgumentException e) {
            return refused(replyRoot, e.getMessage());
        }
    }

    private static PostedBody refused(String replyRoot, String problem) {
        return new PostedBody(null, Answer.errorList(400, replyRoot, "1001", problem, xml -> { }));
    }
}
