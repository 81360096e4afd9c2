package dev.acsemulator.testcontainers.support;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs container tests only where they can run: a Docker engine answers and the emulator image is built. Otherwise
 * they are skipped with the reason, never passed. With {@code ACS_EMULATOR_REQUIRE_DOCKER=true} (set by .ci/run once
 * it has started Docker and built the images) nothing is skipped: a missing engine or image fails the tests.
 */
public final class DockerAndEmulatorImage implements ExecutionCondition {

    private static volatile ConditionEvaluationResult result;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (result == null) {
            result = evaluate();
            System.err.println("[container tests] " + result.getReason().orElse(""));
        }
        return result;
    }

    private static ConditionEvaluationResult evaluate() {
        String image = EmulatorContainers.image();
        if (Boolean.parseBoolean(System.getenv("ACS_EMULATOR_REQUIRE_DOCKER"))) {
            return ConditionEvaluationResult.enabled("ACS_EMULATOR_REQUIRE_DOCKER=true: running against " + image);
        }
        DockerClient client;
        try {
            client = DockerClientFactory.instance().client();
        } catch (RuntimeException e) {
            return ConditionEvaluationResult.disabled("Skipped: Docker is not available (" + e.getMessage() + ")");
        }
        try {
            client.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            return ConditionEvaluationResult.disabled("Skipped: the image " + image + " is not built; build it with "
                    + "docker/build-image.sh (--local-base where no registry is reachable)");
        }
        return ConditionEvaluationResult.enabled("Docker is available and " + image + " is built");
    }
}
