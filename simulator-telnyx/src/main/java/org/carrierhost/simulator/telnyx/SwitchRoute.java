package org.carrierhost.simulator.telnyx;

import java.util.Arrays;
import java.util.Map;

/**
 * {@code /_sim/failures}: {@code GET} describes the switches; {@code POST} with {@code on=}/{@code off=} a switch,
 * {@code error=CODE} (or {@code none}), {@code throttle=N|always} with {@code reset=seconds|epoch} and an optional
 * {@code reset_secs=S}, or {@code clear}, changes them. It needs no key: it is a local test tool.
 *
 * <p>Thread-safe: stateless; the switches are thread-safe.
 */
final class SwitchRoute {

    private SwitchRoute() {
    }

    static Reply answer(Switches switches, String method, Map<String, String> params) {
        if (method.equals("POST")) {
            try {
                change(switches, params);
            } catch (NumberFormatException e) {
                return Reply.text(400, "throttle must be a count or 'always', reset_secs a whole number\n");
            } catch (IllegalArgumentException e) {
                return Reply.text(400, e.getMessage() + "\n");
            }
        } else if (!method.equals("GET")) {
            return Reply.text(405, "GET or POST\n");
        }
        return Reply.text(200, switches.describe());
    }

    private static void change(Switches switches, Map<String, String> params) {
        if (params.containsKey("clear")) {
            switches.clear();
        }
        if (params.containsKey("on")) {
            switches.switchOn(variant(params.get("on")));
        }
        if (params.containsKey("off")) {
            switches.switchOff(variant(params.get("off")));
        }
        if (params.containsKey("error")) {
            String code = params.get("error");
            switches.answerError(code.equals("none") ? null : code);
        }
        if (params.containsKey("throttle")) {
            String value = params.get("throttle");
            Switches.ResetForm form = params.getOrDefault("reset", "seconds").equalsIgnoreCase("epoch")
                    ? Switches.ResetForm.EPOCH : Switches.ResetForm.SECONDS;
            int ahead = params.containsKey("reset_secs") ? Integer.parseInt(params.get("reset_secs")) : -1;
            switches.throttle(value.equalsIgnoreCase("always") ? Switches.ALWAYS : Integer.parseInt(value), form, ahead);
        }
    }

    private static TelnyxSwitch variant(String name) {
        return TelnyxSwitch.fromWireName(name).orElseThrow(() -> new IllegalArgumentException("unknown switch '" + name
                + "'; known: " + Arrays.stream(TelnyxSwitch.values()).map(TelnyxSwitch::wireName).toList()));
    }
}
