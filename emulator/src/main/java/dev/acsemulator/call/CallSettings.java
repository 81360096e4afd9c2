package dev.acsemulator.call;

import java.time.Duration;

/**
 * The call behaviour an emulator instance is configured with.
 *
 * @param resourceId     the emulated ACS resource's immutable id; application identities are {@code 8:acs:<id>_<guid>}
 * @param ringTimeout    how long an invitation rings before it fails (incoming calls ring about 30 s,
 *                       call-automation-behaviour.md §5.2)
 * @param maxInvitationTimeout the upper bound of {@code invitationTimeoutInSeconds}
 * @param endedCallRetention   how long an ended call stays known (late answers, journals) before it is forgotten
 * @param endedCallsRemembered at most this many ended calls are known; beyond it the oldest is forgotten early
 */
public record CallSettings(String resourceId, Duration ringTimeout, Duration maxInvitationTimeout,
                           Duration endedCallRetention, int endedCallsRemembered) {

    /** Settings that remember ended calls for the retention however many there are. */
    public CallSettings(String resourceId, Duration ringTimeout, Duration maxInvitationTimeout,
                        Duration endedCallRetention) {
        this(resourceId, ringTimeout, maxInvitationTimeout, endedCallRetention, Integer.MAX_VALUE);
    }
}
