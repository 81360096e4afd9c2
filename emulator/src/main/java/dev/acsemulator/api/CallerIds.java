package dev.acsemulator.api;

import dev.acsemulator.call.Identifier;

import java.util.Set;

/**
 * Caller ids of calls to phone numbers. "For CreateCall, Transfer, AddParticipant, and Redirect to phone numbers, you
 * need to set the SourceCallerId in the action request. Unless you're using direct routing, the source caller ID must
 * be a phone number owned by your Communication Services resource for the action to succeed" (Microsoft Learn,
 * Troubleshooting call end response codes, tips). When the emulated resource owns numbers ({@code
 * --owned-phone-numbers}), a caller id outside them is refused with 403 {@code 7507}
 * (openapi/DEVIATIONS.md 27); when it owns none, any caller id is accepted, so that apps can call out without first
 * configuring the numbers they would buy.
 */
public final class CallerIds {

    private final Set<String> ownedPhoneNumbers;

    public CallerIds(Set<String> ownedPhoneNumbers) {
        this.ownedPhoneNumbers = Set.copyOf(ownedPhoneNumbers);
    }

    /** Refuses {@code callerId} (a phone number) when the resource owns numbers and not this one; null passes. */
    public void checkOwned(Identifier callerId) {
        if (callerId != null && !ownedPhoneNumbers.isEmpty() && !ownedPhoneNumbers.contains(callerId.phoneNumber())) {
            throw ApiErrors.callerIdNotOwned(callerId.phoneNumber());
        }
    }
}
