/**
 * Internal: from a zip to a started generation: archive checks, the bytecode screen, the generation
 * loader over PF4J, the crash journal, plugin threads, the one pool for plugin code and the one swap of
 * the context class loader. It knows no carrier table, directory or HTTP; the lifecycle reaches it through
 * {@link org.carrierhost.host.plugins.load.Loader}, which tests fake.
 */
package org.carrierhost.host.plugins.load;
