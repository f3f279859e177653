package dev.seq2seq.training;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar: redrawn in place on a terminal, printed as a new line every
 * {@code interval} seconds otherwise (logs, CI).
 */
final class Progress {
    private final PrintStream out;
    private final boolean terminal;
    private final double intervalSeconds;
    private long lastPrint;

    Progress(PrintStream out, double intervalSeconds) {
        this.out = out;
        this.terminal = System.console() != null;
        this.intervalSeconds = intervalSeconds;
    }

    void update(String label, long done, long total, String details, boolean force) {
        long now = System.nanoTime();
        if (!force && (now - lastPrint) / 1e9 < (terminal ? 0.5 : intervalSeconds)) {
            return;
        }
        lastPrint = now;
        int width = 30;
        int filled = total > 0 ? (int) Math.min(width, width * done / total) : 0;
        String bar = "#".repeat(filled) + ".".repeat(width - filled);
        String line = String.format(Locale.ROOT, "%s [%s] %d/%d %s", label, bar, done, total, details);
        if (terminal) {
            out.print("\r" + line + "   ");
            if (force) {
                out.println();
            }
        } else {
            out.println(line);
        }
        out.flush();
    }

    static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
