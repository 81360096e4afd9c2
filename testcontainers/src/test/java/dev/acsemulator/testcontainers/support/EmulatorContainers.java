package dev.acsemulator.testcontainers.support;

import dev.acsemulator.testcontainers.CallAutomationEmulatorContainer;
import org.testcontainers.DockerClientFactory;

import java.time.Duration;

/** The container under test, networked the way this Docker engine allows. */
public final class EmulatorContainers {

    private EmulatorContainers() {
    }

    /** {@code ACS_EMULATOR_IMAGE}, or the image docker/build-image.sh tags. */
    public static String image() {
        String image = System.getenv("ACS_EMULATOR_IMAGE");
        return image == null || image.isBlank() ? "acs-emulator:latest" : image;
    }

    /**
     * A container with host networking where the engine has no bridge network (as on machines that allow loopback
     * only) or {@code ACS_EMULATOR_CONTAINER_NETWORK=host}; otherwise published ports and host-port exposure.
     */
    public static CallAutomationEmulatorContainer newContainer() {
        CallAutomationEmulatorContainer container = new CallAutomationEmulatorContainer(image())
                .withAnswerDelay(Duration.ofMillis(200));
        return useHostNetwork() ? container.withHostNetwork() : container;
    }

    private static boolean useHostNetwork() {
        String network = System.getenv("ACS_EMULATOR_CONTAINER_NETWORK");
        if (network != null && !network.isBlank()) {
            return network.equals("host");
        }
        return DockerClientFactory.instance().client().listNetworksCmd().exec().stream()
                .noneMatch(candidate -> candidate.getName().equals("bridge"));
    }
}
