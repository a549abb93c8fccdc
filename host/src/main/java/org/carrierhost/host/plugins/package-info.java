/**
 * Internal: the carrier plugins, split by concern, with the layers running one way. This package holds
 * only the vocabulary they share ({@link org.carrierhost.host.plugins.CarrierId},
 * {@link org.carrierhost.host.plugins.PluginFailure}); beneath it:
 * <ul>
 *   <li>{@code load}: from a zip to a started generation, behind {@code Loader}; knows no table, directory or HTTP;</li>
 *   <li>{@code call}: the one call path into carriers, reaching them through its {@code CallPort};</li>
 *   <li>{@code source}: where zips come from (the drop-in watcher, uploads), one record per file;</li>
 *   <li>{@code lifecycle}: the one owner of the carriers' states, whose verbs everything else calls.</li>
 * </ul>
 * Not part of the supported API; may change in any release.
 */
package org.carrierhost.host.plugins;
