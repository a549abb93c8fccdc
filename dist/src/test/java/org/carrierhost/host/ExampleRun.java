package org.carrierhost.host;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How the documented-examples test runs one {@code ```sh} block, read from the {@code <!-- example: ... -->} comments
 * just before it (several comments add up; their parts are separated by commas):
 * <ul>
 *   <li>no comment: run in the page's shell (the terminal the page's commands are typed into), every command must
 *       succeed and every answer in the standard error shape is a failure;</li>
 *   <li>{@code server}: run in a shell of its own (another terminal), left running until the page says stop or
 *       ends, after waiting for its {@code ready} targets;</li>
 *   <li>{@code background}: run in the page's shell, which it leaves running processes in ({@code &}), then wait for
 *       its {@code ready} targets;</li>
 *   <li>{@code stream}: run in the page's shell for a while, and must still be following then; it is stopped after;</li>
 *   <li>{@code skip: REASON}: not run; the test checks it another way;</li>
 *   <li>{@code ready T...}: what answers once a server is up: a URL that must answer 200, or {@code tcp HOST:PORT};</li>
 *   <li>{@code prebuilt}: the block is the build followed by {@code &&} and a command: the test command has built
 *       the tree, so only what follows {@code &&} runs, and the build part is checked;</li>
 *   <li>{@code errors CODE...}: answers in the standard error shape with these codes are what the page shows
 *       (each must come); any other is a failure.</li>
 * </ul>
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param mode       how the block runs
 * @param ready      what must answer before the next step, in order
 * @param prebuilt   whether the block's build part is left to the test command
 * @param skipReason why the block is not run, or null
 * @param errors     the standard error codes the block's answers show on purpose
 */
record ExampleRun(Mode mode, List<String> ready, boolean prebuilt, String skipReason, Set<String> errors) {

    /** How a block runs. */
    enum Mode { RUN, SERVER, BACKGROUND, STREAM, SKIP }

    /** A block with no comment before it. */
    static final ExampleRun PLAIN = new ExampleRun(Mode.RUN, List.of(), false, null, Set.of());

    ExampleRun {
        ready = List.copyOf(ready);
        errors = Set.copyOf(errors);
    }

    /**
     * The run the comments' texts (what follows {@code example:} in each) describe.
     *
     * @throws IllegalArgumentException naming a part it does not know, or a combination that means nothing
     */
    static ExampleRun parse(List<String> comments) {
        Mode mode = Mode.RUN;
        List<String> ready = new ArrayList<>();
        Set<String> errors = new LinkedHashSet<>();
        boolean prebuilt = false;
        String skip = null;
        for (String comment : comments) {
            String text = comment.strip();
            if (text.startsWith("skip:")) {
                skip = text.substring("skip:".length()).strip();
                mode = set(mode, Mode.SKIP, comment);
                continue;
            }
            for (String part : text.split(",")) {
                String[] words = part.strip().split("\\s+");
                switch (words[0]) {
                    case "server" -> mode = set(mode, Mode.SERVER, comment);
                    case "background" -> mode = set(mode, Mode.BACKGROUND, comment);
                    case "stream" -> mode = set(mode, Mode.STREAM, comment);
                    case "prebuilt" -> prebuilt = true;
                    case "ready" -> ready.addAll(List.of(words).subList(1, words.length));
                    case "errors" -> errors.addAll(List.of(words).subList(1, words.length));
                    default -> throw new IllegalArgumentException("unknown part '" + part.strip() + "' in <!-- example: " + comment + " -->");
                }
            }
        }
        if (mode == Mode.SKIP && (skip.isEmpty() || !ready.isEmpty() || prebuilt)) {
            throw new IllegalArgumentException("a skipped block needs a reason and nothing else: " + comments);
        }
        if ((mode == Mode.SERVER || mode == Mode.BACKGROUND) != !ready.isEmpty()) {
            throw new IllegalArgumentException("a server or background block, and only such a block, names what is ready: " + comments);
        }
        return new ExampleRun(mode, ready, prebuilt, skip, errors);
    }

    private static Mode set(Mode current, Mode next, String comment) {
        if (current != Mode.RUN) {
            throw new IllegalArgumentException("two ways to run one block: " + current + " and " + next + " in " + comment);
        }
        return next;
    }
}
