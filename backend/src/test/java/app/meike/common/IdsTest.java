package app.meike.common;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {
    @Test
    void idsMadeOneAfterAnotherSortInThatOrderAsPostgreSqlComparesThem() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            made.add(Ids.newId().toString());
        }
        // PostgreSQL orders uuids by their bytes, unsigned: the order of their lower-case hex text.
        assertThat(made).isSorted().doesNotHaveDuplicates();
        UUID id = UUID.fromString(made.get(0));
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(System.currentTimeMillis() - 60_000,
                System.currentTimeMillis() + 60_000);
    }
}
