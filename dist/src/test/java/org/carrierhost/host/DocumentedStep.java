package org.carrierhost.host;

/**
 * One step of a documentation page, as a reader following it in order takes it.
 *
 * <p>Thread-safe: the implementations are immutable values.
 */
sealed interface DocumentedStep {

    /** Where the step is, {@code docs/carriers.md:42}. */
    String where();

    /**
     * {@code <!-- example: stop -->}: the page says to stop the servers started so far.
     *
     * @param where the comment's file and line
     */
    record Stop(String where) implements DocumentedStep {
    }

    /**
     * A {@code ```sh} block.
     *
     * @param where the file and the line of its opening fence
     * @param line  the line of its opening fence
     * @param text  its lines, as written
     * @param run   how it is run
     */
    record ShellBlock(String where, int line, String text, ExampleRun run) implements DocumentedStep {
    }
}
