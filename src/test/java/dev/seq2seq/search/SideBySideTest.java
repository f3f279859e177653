package dev.seq2seq.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SideBySideTest {

    @Test
    void keepsTheOrderOfTheItemsWhetherSideBySideOrNot() {
        List<Integer> items = List.of(5, 1, 4, 2, 3);
        for (boolean small : new boolean[] {true, false}) {
            assertThat(SideBySide.map(items, i -> {
                sleep(i);
                return "m" + i;
            }, small)).containsExactly("m5", "m1", "m4", "m2", "m3");
        }
    }

    @Test
    void aBigBatchRunsEveryItemInTheCallersThread() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        SideBySide.map(List.of(1, 2, 3), i -> threads.add(Thread.currentThread().getName()), false);
        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aSmallBatchUsesAnotherCoreWhereTheMachineHasOne() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        SideBySide.map(List.of(1, 2), i -> {
            threads.add(Thread.currentThread().getName());
            sleep(20);
            return i;
        }, true);
        int expected = Runtime.getRuntime().availableProcessors() > 1 ? 2 : 1;
        assertThat(threads).hasSize(expected).contains(Thread.currentThread().getName());
    }

    @Test
    void aMembersFailureReachesTheCaller() {
        assertThatThrownBy(() -> SideBySide.map(List.of(1, 2), i -> {
            if (i == 2) {
                throw new IllegalArgumentException("member 2 failed");
            }
            return i;
        }, true)).isInstanceOf(IllegalArgumentException.class).hasMessage("member 2 failed");
    }

    @Test
    void whenTheCallersMemberFailsTheOthersAreCancelled() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "needs a second core");
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        assertThatThrownBy(() -> SideBySide.map(List.of(1, 2), i -> {
            if (i == 1) {
                try {
                    started.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("member 1 failed");
            }
            started.countDown();
            try {
                Thread.sleep(10_000);
                interrupted.complete(false);
            } catch (InterruptedException e) {
                interrupted.complete(true);
            }
            return i;
        }, true)).hasMessage("member 1 failed");
        assertThat(interrupted.get(5, TimeUnit.SECONDS)).isTrue();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
