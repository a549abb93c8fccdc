package org.carrierhost.plugins.bandwidth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

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
        List<BandwidthError> errors = BandwidthXml.replyErrors(BandwidthXml.parse("<OrderResponse><ResponseStatus>"
                + "<ErrorCode>5005</ErrorCode><Description>Site not found</Description></ResponseStatus></OrderResponse>"),
                false);

        assertEquals(List.of(new BandwidthError("5005", "Site not found")), errors);
    }

    @Test
    void readsErrorsErrorAndSearchResultError() throws Exception {
        assertEquals("[1001: bad]", BandwidthXml.replyErrors(BandwidthXml.parse(
                "<X><Errors><Error><Code>1001</Code><Description>bad</Description></Error></Errors></X>"), false)
                .toString());
        assertEquals("[4010: missing]", BandwidthXml.replyErrors(BandwidthXml.parse(
                "<SearchResult><Error><Code>4010</Code><Description>missing</Description></Error></SearchResult>"),
                false).toString());
    }

    @Test
    void readsAnErrorWhoseCodeIsNamedErrorCode() throws Exception {
        assertEquals("[3940: not found]", BandwidthXml.replyErrors(BandwidthXml.parse("<RateCenterCoverageResponse>"
                + "<Error><Description>not found</Description><ErrorCode>3940</ErrorCode></Error>"
                + "</RateCenterCoverageResponse>"), false).toString());
    }

    @Test
    void readsAnErrorListWithItsNumbersWhenAskedTo() throws Exception {
        assertEquals("[16103: in progress (number 2053778335)]", BandwidthXml.replyErrors(BandwidthXml.parse(
                "<R><ErrorList><Error><Code>16103</Code><Description>in progress</Description>"
                        + "<TelephoneNumber>2053778335</TelephoneNumber></Error></ErrorList></R>"), true).toString());
    }

    @Test
    void anOrdersErrorListIsNotAReplyError() throws Exception {
        assertEquals(List.of(), BandwidthXml.replyErrors(BandwidthXml.parse("<OrderResponse><ErrorList><Error>"
                + "<Code>5018</Code></Error></ErrorList><OrderStatus>FAILED</OrderStatus></OrderResponse>"), false));
    }

    @Test
    void escapesTextInRequestBodies() {
        assertEquals("<Name>a &lt;b&gt; &amp; &quot;c&quot;</Name>", BandwidthXml.element("Name", "a <b> & \"c\""));
    }
}
