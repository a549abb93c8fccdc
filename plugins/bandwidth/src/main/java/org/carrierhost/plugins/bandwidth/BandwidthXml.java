package org.carrierhost.plugins.bandwidth;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Bandwidth's XML: a parser that refuses DOCTYPEs, external entities and XInclude (a reply is never
 * trusted to reach files or the network), readers for the elements the carrier uses, and text escaping
 * for the bodies it sends.
 *
 * <p>Thread-safe: stateless; each parse builds its own parser, as DOM parsers are not thread-safe.
 */
public final class BandwidthXml {

    private BandwidthXml() {
    }

    /**
     * Parses a reply body.
     *
     * @throws CarrierException {@link ErrorCode#CARRIER_FAULT} "unreadable reply" when it is not plain XML
     */
    public static Document parse(String body) throws CarrierException {
        if (body == null || body.isBlank()) {
            throw new CarrierException(ErrorCode.CARRIER_FAULT, "unreadable reply", "bandwidth sent an empty body");
        }
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(null); // the default handler prints to stderr; the exception says enough
            return builder.parse(new InputSource(new StringReader(body)));
        } catch (SAXException | IOException e) {
            throw new CarrierException(ErrorCode.CARRIER_FAULT, "unreadable reply", "bandwidth sent unreadable XML: "
                    + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new CarrierException(ErrorCode.CARRIER_FAULT, "unreadable reply",
                    "this JDK's XML parser cannot be made safe: " + e.getMessage());
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }

    /** The direct children of {@code parent} named {@code name}. */
    public static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    /** The element reached from {@code from} through the children named {@code path}, or null. */
    public static Element at(Element from, String... path) {
        Element current = from;
        for (String name : path) {
            List<Element> next = children(current, name);
            if (next.isEmpty()) {
                return null;
            }
            current = next.get(0);
        }
        return current;
    }

    /** The trimmed text at {@code path} below {@code from}, or empty. */
    public static String text(Element from, String... path) {
        Element e = at(from, path);
        return e == null ? "" : e.getTextContent().trim();
    }

    /**
     * Every error a reply carries, in every shape Bandwidth publishes: {@code ResponseStatus} (as the root or
     * a child of it) with {@code ErrorCode} and {@code Description}; {@code Errors/Error}; a top-level
     * {@code Error} (as in {@code SearchResult/Error}), whose code may be {@code Code} or {@code ErrorCode};
     * and, when {@code withErrorList}, an {@code ErrorList/Error} with {@code Code}, {@code Description} and
     * {@code TelephoneNumber}. Errors without a code are left out.
     *
     * @param withErrorList whether an {@code ErrorList} counts: it does on a refused request, while on an
     *                      accepted one it belongs to the order's status
     */
    public static List<BandwidthError> replyErrors(Document doc, boolean withErrorList) {
        Element root = doc.getDocumentElement();
        List<Element> found = new ArrayList<>();
        found.add(root.getTagName().equals("ResponseStatus") ? root : at(root, "ResponseStatus"));
        found.addAll(children(root.getTagName().equals("Errors") ? root : at(root, "Errors"), "Error"));
        found.addAll(children(root, "Error"));
        if (withErrorList) {
            found.addAll(children(at(root, "ErrorList"), "Error"));
        }
        return found.stream().filter(e -> e != null).map(BandwidthXml::error).filter(e -> !e.code().isEmpty())
                .toList();
    }

    /** The errors of an order's {@code ErrorList}. */
    public static List<BandwidthError> errorList(Element orderReply) {
        return children(at(orderReply, "ErrorList"), "Error").stream().map(BandwidthXml::error).toList();
    }

    private static BandwidthError error(Element error) {
        String code = text(error, "Code");
        return new BandwidthError(code.isEmpty() ? text(error, "ErrorCode") : code, text(error, "Description"),
                text(error, "TelephoneNumber"));
    }

    /** {@code text} escaped for XML element content. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // Control characters other than tab and newlines are not allowed in XML 1.0 at all.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** {@code <name>escaped text</name>}. */
    public static String element(String name, String text) {
        return "<" + name + ">" + escape(text) + "</" + name + ">";
    }
}
