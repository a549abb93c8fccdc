package org.carrierhost.plugins.bandwidth;

/**
 * The body of {@code POST /orders} for one existing number.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param name            the order's name, shown in Bandwidth's dashboard
 * @param customerOrderId our reference for the order
 * @param siteId          the site to order into
 * @param peerId          the SIP peer to order into, or empty to leave it to Bandwidth
 * @param tenDigits       the number, ten digits
 */
public record OrderRequest(String name, String customerOrderId, String siteId, String peerId, String tenDigits) {

    /** The XML body, every text escaped. */
    public String toXml() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Order>"
                + BandwidthXml.element("Name", name)
                + BandwidthXml.element("CustomerOrderId", customerOrderId)
                + BandwidthXml.element("SiteId", siteId)
                + (peerId.isEmpty() ? "" : BandwidthXml.element("PeerId", peerId))
                + "<ExistingTelephoneNumberOrderType><TelephoneNumberList>"
                + BandwidthXml.element("TelephoneNumber", tenDigits)
                + "</TelephoneNumberList></ExistingTelephoneNumberOrderType></Order>";
    }
}
