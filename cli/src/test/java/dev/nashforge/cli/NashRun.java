package dev.nashforge.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One in-process run of the {@code nash} command with captured output, for the tests. */
record NashRun(int exitCode, String out, String err) {

    /** Runs {@code nash args...} in this JVM through {@link NashCommand#execute}. */
    static NashRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NashCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new NashRun(code, out.toString(), err.toString());
    }

    /** Asserts success with nothing on stderr; returns this. */
    NashRun assertSuccess() {
        assertEquals(0, exitCode, "exit code; stderr: " + err);
        assertEquals("", err, "stderr");
        return this;
    }

    /**
     * Asserts a failure with exit code {@code code}, nothing on stdout, exactly one line
     * {@code nash: error: ...} on stderr and no stack trace; returns the message after {@code nash: error: }.
     */
    String assertError(int code) {
        assertEquals(code, exitCode, "exit code; stderr: " + err);
        assertEquals("", out, "stdout");
        assertTrue(err.startsWith("nash: error: "), err);
        assertTrue(err.endsWith(System.lineSeparator()), err);
        String line = err.substring(0, err.length() - System.lineSeparator().length());
        assertFalse(line.contains("\n") || line.contains("\r"), "one line: " + err);
        assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace: " + err);
        return line.substring("nash: error: ".length());
    }
}
