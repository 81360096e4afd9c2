package dev.acsemulator.activity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MermaidDiagramTest {

    private static ActivityItem item(long seq, ActivityKind kind, String from, String to, String label, String outcome,
                                     Double latencyMs) {
        return new ActivityItem(seq, Instant.EPOCH, kind, from, to, label, null, latencyMs, null, null, null, null,
                outcome, null, null, null);
    }

    @Test
    void appsComeFirstThenTheEmulatorThenPeopleAndEachKindHasItsArrow() {
        String text = MermaidDiagram.of("call-1", List.of(
                item(1, ActivityKind.REQUEST, "app:h/cb", "emulator", "CreateCall 201", null, 2.5),
                item(2, ActivityKind.PERSON, "8:acs:b", "emulator", "joined", null, null),
                item(3, ActivityKind.EVENT, "emulator", "app:h/cb", "CallConnected", null, null),
                item(4, ActivityKind.DELIVERY, "emulator", "app:h/cb", "CallConnected #1 200 delivered", "delivered",
                        null),
                item(5, ActivityKind.DELIVERY, "emulator", "app:other/cb", "PlayCompleted #0 dropped", "dropped",
                        null),
                item(6, ActivityKind.STATE, "emulator", "emulator", "call ended", null, null)));

        assertThat(text.lines()).containsExactly(
                "sequenceDiagram",
                "    title call call-1",
                "    participant A1 as app:h/cb",
                "    participant A2 as app:other/cb",
                "    participant E as emulator",
                "    participant P1 as 8:acs:b",
                "    A1->>E: CreateCall 201 (2.5 ms)",
                "    P1->>E: joined",
                "    E-)A1: CallConnected",
                "    E-->>A1: CallConnected #35;1 200 delivered",
                "    E--xA2: PlayCompleted #35;0 dropped",
                "    Note over E: call ended");
    }

    @Test
    void textMermaidWouldReadAsSyntaxIsWrittenAsEntities() {
        assertThat(MermaidDiagram.escape("a;b#c\nd")).isEqualTo("a#59;b#35;c d");
    }
}
