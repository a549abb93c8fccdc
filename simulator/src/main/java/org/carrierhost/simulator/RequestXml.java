package org.carrierhost.simulator;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads the XML bodies clients send (orders, disconnects), refusing DOCTYPEs and external entities: the
 * simulator must not be an XXE target either.
 *
 * <p>Thread-safe: a new parser per call.
 */
final class RequestXml {

    private RequestXml() {
    }

    /** The parsed body; {@link IllegalArgumentException} with the reason when it is not well-formed XML. */
    static Document parse(String body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(body)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("malformed XML: " + e.getMessage(), e);
        }
    }

    /** The direct child of {@code parent} named {@code name}, or null. */
    static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** The trimmed text of the child {@code name}, or empty. */
    static String childText(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? "" : e.getTextContent().trim();
    }

    /** The telephone numbers listed under {@code parent/listType/TelephoneNumberList/TelephoneNumber}. */
    static List<String> numbers(Element parent, String listType) {
        Element type = child(parent, listType);
        Element list = type == null ? null : child(type, "TelephoneNumberList");
        List<String> numbers = new ArrayList<>();
        if (list != null) {
            for (Node n = list.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals("TelephoneNumber")) {
                    numbers.add(e.getTextContent().trim());
                }
            }
        }
        return numbers;
    }
}
