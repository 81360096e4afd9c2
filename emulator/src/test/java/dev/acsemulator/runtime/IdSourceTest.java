package dev.acsemulator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The id source draws exactly what {@link Random} would from the same seed, so seeded ids did not change. */
class IdSourceTest {

    @Test
    void drawsTheSameNumbersAsRandomFromTheSameSeed() {
        for (long seed : new long[] {0L, 1L, 20261122L, -7L, Long.MAX_VALUE}) {
            IdSource ids = new IdSource(seed);
            Random random = new Random(seed);
            for (int i = 0; i < 1_000; i++) {
                assertThat(ids.nextLong()).isEqualTo(random.nextLong());
                assertThat(ids.nextInt(1 << 10)).isEqualTo(random.nextInt(1 << 10));
                assertThat(ids.nextInt(1_000_003)).isEqualTo(random.nextInt(1_000_003));
                assertThat(ids.nextInt(Integer.MAX_VALUE)).isEqualTo(random.nextInt(Integer.MAX_VALUE));
            }
        }
    }

    @Test
    void aSeededSourceAndItsDerivedSourcesRepeat() {
        IdSource first = new IdSource(42).derive(7);
        IdSource second = new IdSource(42).derive(7);

        assertThat(first.guid()).isEqualTo(second.guid());
        assertThat(first.serverCallId()).isEqualTo(second.serverCallId());
        assertThat(new IdSource(42).derive(8).guid()).isNotEqualTo(new IdSource(42).derive(7).guid());
    }

    @Test
    void guidsAreVersionFourUuids() {
        String guid = new IdSource(3).guid();

        assertThat(guid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }
}
