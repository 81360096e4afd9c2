package dev.acsemulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.acsemulator.api.schema.ApiVersionInfo;
import dev.acsemulator.api.schema.OperationInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One entry per operation across api-versions; where versions disagree, the newest wins and the older is kept. */
class SpecOperationsTest {

    @Test
    void anOperationIsRoutedAsTheNewestApiVersionThatHasItDefinesIt() {
        SpecOperations spec = new SpecOperations(List.of(
                version("2026-03-12", operation("CallMedia_Hold", "POST", "/calling/callConnections/{id}:hold", 200)),
                version("2023-10-03-preview",
                        operation("CallMedia_Hold", "POST", "/calling/callConnections/{id}:hold", 202))));

        SpecOperations.SpecOperation hold = spec.operation("CallMedia_Hold").orElseThrow();

        assertThat(hold.newest().status()).isEqualTo(200);
        assertThat(hold.newestVersion()).isEqualTo("2026-03-12");
        assertThat(hold.versions()).containsExactly("2023-10-03-preview", "2026-03-12");
    }

    @Test
    void anOlderApiVersionThatDisagreesIsRecorded() {
        SpecOperations spec = new SpecOperations(List.of(
                version("2024-09-01-preview", operation("X_Op", "POST", "/calling/old", 202)),
                version("2025-05-15", operation("X_Op", "POST", "/calling/new", 202)),
                version("2023-03-06", operation("X_Op", "POST", "/calling/new", 202))));

        assertThat(spec.disagreements()).singleElement().satisfies(disagreement -> {
            assertThat(disagreement.version()).isEqualTo("2024-09-01-preview");
            assertThat(disagreement.newestVersion()).isEqualTo("2025-05-15");
            assertThat(disagreement.theirs().path()).isEqualTo("/calling/old");
            assertThat(disagreement.toString()).contains("/calling/old", "/calling/new", "2024-09-01-preview");
        });
    }

    @Test
    void versionsAreListedOldestFirst() {
        SpecOperations spec = new SpecOperations(List.of(version("2025-05-15"), version("2023-03-06"),
                version("2024-09-01-preview")));

        assertThat(spec.versions()).containsExactly("2023-03-06", "2024-09-01-preview", "2025-05-15");
    }

    private static OperationInfo operation(String id, String method, String path, int status) {
        return new OperationInfo(id, method, path, status, List.of(), null);
    }

    private static ApiVersionInfo version(String name, OperationInfo... operations) {
        Map<String, OperationInfo> byId = new java.util.HashMap<>();
        for (OperationInfo operation : operations) {
            byId.put(operation.operationId(), operation);
        }
        return new ApiVersionInfo(name, name.endsWith("-preview") ? ApiVersionInfo.Kind.PREVIEW
                : ApiVersionInfo.Kind.STABLE, "2025-05-15", byId, Set.of(), Map.of(), Map.of(), Map.of(), List.of(),
                true);
    }
}
