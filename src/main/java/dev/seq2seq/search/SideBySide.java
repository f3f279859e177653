package dev.seq2seq.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs the members of an ensemble side by side on the machine's other cores when the work is small:
 * one request's beam leaves the other cores idle, and its latency is the sum of the members' steps
 * run one after the other, or about the largest member's run together. A big batch keeps every core
 * busy with other requests already, so callers ask for this only below a size ({@link #SMALL_ROWS}).
 * No queue: a member for which no helper thread is free runs in the caller's thread, as it would
 * without this class, so a busy machine never waits for a helper.
 */
public final class SideBySide {
    /** Rows (hypotheses, or sources) up to which members go side by side: a beam of 5 over three sentences. */
    public static final int SMALL_ROWS = 16;

    private static final int HELPERS = Math.max(0, Runtime.getRuntime().availableProcessors() - 1);
    private static final ThreadPoolExecutor POOL = HELPERS == 0 ? null : new ThreadPoolExecutor(0, HELPERS, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread t = new Thread(runnable, "ensemble-member");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.CallerRunsPolicy());

    private SideBySide() {}

    /** f applied to every item, in order; side by side where {@code small} and the machine has a core to spare. */
    public static <T, R> List<R> map(List<T> items, Function<T, R> f, boolean small) {
        List<R> out = new ArrayList<>(items.size());
        if (!small || POOL == null || items.size() < 2) {
            items.forEach(item -> out.add(f.apply(item)));
            return out;
        }
        List<Future<R>> others = new ArrayList<>(items.size() - 1);
        for (T item : items.subList(1, items.size())) {
            others.add(POOL.submit(() -> f.apply(item)));   // runs here at once when no helper is free
        }
        try {
            out.add(f.apply(items.get(0)));
            for (Future<R> other : others) {
                out.add(join(other));
            }
        } catch (RuntimeException | Error e) {
            others.forEach(other -> other.cancel(true));   // a failed step has no use for the other members' work
            throw e;
        }
        return out;
    }

    private static <R> R join(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while an ensemble member decoded", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
