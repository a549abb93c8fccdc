/**
 * Internal: the one owner of the carrier lifecycle, {@link org.carrierhost.host.plugins.lifecycle.CarrierLifecycle},
 * its verbs ({@link org.carrierhost.host.plugins.lifecycle.LifecycleVerbs}), the carrier table it alone
 * writes, and the views the API, the metrics and the cluster read.
 */
package org.carrierhost.host.plugins.lifecycle;
