/**
 * Internal: where zips come from (the operator's drop-in directory and its watcher, uploads staged into
 * the install directory) and what became of each: one {@link org.carrierhost.host.plugins.source.ZipRecord}
 * per file. A file an operator gave us is never deleted here: {@link
 * org.carrierhost.host.plugins.source.OperatorFiles} keeps it.
 */
package org.carrierhost.host.plugins.source;
