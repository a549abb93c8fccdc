package org.carrierhost.plugins.bandwidth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.carrierhost.api.CarrierException;
import org.carrierhost.api.ErrorCode;
import org.junit.jupiter.api.Test;

class BandwidthXmlTest {

    @Test
    void refusesADoctypeWithAnExternalEntity() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><r>&x;</r>";

        CarrierException e = assertThrows(CarrierException.class, () -> BandwidthXml.parse(xxe));

        assertEquals(ErrorCode.CARRIER_FAULT, e.code());
        assertEquals("unreadable reply", e.getMessage());
    }

    @Test
    void refusesAnInternalEntityExpansion() {
        String bomb = "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><r>&b;</r>";

        assertThrows(CarrierException.class, () -> BandwidthXml.parse(bomb));
    }

    @Test
    void readsResponseStatusErrorsSentUnderHttp200() throws Exception {
        Optional<BandwidthError> error = BandwidthXml.replyError(BandwidthXml.parse("<OrderResponse><ResponseStatus>"
                + "<ErrorCode>5005</ErrorCode><Description>Site not found</Description></ResponseStatus></OrderResponse>"));

        assertEquals(Optional.of(new BandwidthError("5005", "Site not found")), error);
    }

    @Test
    void readsErrorsErrorAndSearchResultError() throws Exception {
        assertEquals("1001: bad", BandwidthXml.replyError(BandwidthXml.parse(
                "<X><Errors><Error><Code>1001</Code><Description>bad</Description></Error></Errors></X>"))
                .orElseThrow().toString());
        assertEquals("4010: missing", BandwidthXml.replyError(BandwidthXml.parse(
                "<SearchResult><Error><Code>4010</Code><Description>missing</Description></Error></SearchResult>"))
                .orElseThrow().toString());
    }

    @Test
    void anOrdersErrorListIsNotAReplyError() throws Exception {
        assertEquals(Optional.empty(), BandwidthXml.replyError(BandwidthXml.parse("<OrderResponse><ErrorList><Error>"
                + "<Code>5018</Code></Error></ErrorList><OrderStatus>FAILED</OrderStatus></OrderResponse>")));
    }

    @Test
    void escapesTextInRequestBodies() {
        assertEquals("<Name>a &lt;b&gt; &amp; &quot;c&quot;</Name>", BandwidthXml.element("Name", "a <b> & \"c\""));
    }
}
