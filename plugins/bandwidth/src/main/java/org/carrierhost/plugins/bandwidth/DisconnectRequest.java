package org.carrierhost.plugins.bandwidth;

/**
 * The body of {@code POST /disconnects} for one number.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param name      the disconnect order's name
 * @param tenDigits the number, ten digits
 */
public record DisconnectRequest(String name, String tenDigits) {

    /** The XML body, every text escaped. */
    public String toXml() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DisconnectTelephoneNumberOrder>"
                + BandwidthXml.element("Name", name)
                + "<DisconnectTelephoneNumberOrderType><TelephoneNumberList>"
                + BandwidthXml.element("TelephoneNumber", tenDigits)
                + "</TelephoneNumberList></DisconnectTelephoneNumberOrderType></DisconnectTelephoneNumberOrder>";
    }
}
