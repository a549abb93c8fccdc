/**
 * Internal: the pure parts of a canary rollout, which the lifecycle's {@code Rollouts} drives: its settings, the
 * sticky routing by account, the figures of each version in one window and the verdict that compares them. Nothing
 * here holds a lock or writes carrier state.
 */
package org.carrierhost.host.plugins.rollout;
