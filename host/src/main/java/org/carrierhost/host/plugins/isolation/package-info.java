/**
 * Internal: carriers in processes of their own ({@code carrier.<id>.isolation=process}). The host starts a child
 * JVM per isolated carrier ({@link org.carrierhost.host.plugins.isolation.CarrierProcessMain}), which loads the zip
 * with the same loader, screen and limits as the host, and answers the carrier contract over length-prefixed JSON
 * frames on its stdin and stdout. On the host's side a {@link org.carrierhost.host.plugins.isolation.ProcessGeneration}
 * is the generation the lifecycle serves: its extension is a proxy, and it restarts a child that dies, with backoff,
 * until too many crashes in a window quarantine the carrier through the lifecycle. Like loading, it knows no carrier
 * table, directory or HTTP.
 */
package org.carrierhost.host.plugins.isolation;
