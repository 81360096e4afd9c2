package dev.acsemulator.call;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** What an action's side effects wait for: the answer to the request that caused them, carried across lanes. */
class CausingRequestTest {

    @Test
    void workWithNoCausingRequestSeesAnAnswerAlreadyWritten() {
        assertThat(CausingRequest.answered().toCompletableFuture()).isCompleted();
    }

    @Test
    void aTaskHandedToAnotherThreadWaitsForTheSameAnswer() throws Exception {
        CompletableFuture<Void> written = new CompletableFuture<>();
        AtomicReference<CompletionStage<Void>> seen = new AtomicReference<>();
        ExecutorService lane = Executors.newSingleThreadExecutor();
        try {
            Runnable task = CausingRequest.during(written, () -> CausingRequest.carried(
                    () -> seen.set(CausingRequest.answered())));
            lane.submit(task).get(5, TimeUnit.SECONDS);
        } finally {
            lane.shutdown();
        }

        assertThat(seen.get()).isSameAs(written);
        assertThat(CausingRequest.answered()).isNotSameAs(written);
    }

    @Test
    void theCausingRequestEndsWithTheWorkItCaused() {
        CompletableFuture<Void> outer = new CompletableFuture<>();
        CompletableFuture<Void> inner = new CompletableFuture<>();

        CompletionStage<Void> afterInner = CausingRequest.during(outer, () -> {
            CausingRequest.during(inner, () -> null);
            return CausingRequest.answered();
        });

        assertThat(afterInner).isSameAs(outer);
        assertThat(CausingRequest.answered().toCompletableFuture()).isCompleted();
    }
}
