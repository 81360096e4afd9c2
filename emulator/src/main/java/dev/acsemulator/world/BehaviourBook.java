package dev.acsemulator.world;

import dev.acsemulator.call.Identifier;
import dev.acsemulator.call.media.DtmfTone;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who behaves how. An identity's behaviour comes from, in order: what was set for it (config file or control API);
 * the reserved identities, which always behave the same so a test needs no setup; the default of answering after
 * the configured delay.
 *
 * <p>Reserved identities (like the well-known test numbers of telephony APIs): the phone numbers
 * {@code +15550100001} busy, {@code +15550100002} declines, {@code +15550100003} never answers,
 * {@code +15550100004} unreachable, {@code +15550100005} forwards to voicemail after 5 s, {@code +15550100006}
 * answers and hangs up after 5 s, {@code +15550100007} answers and presses 1 one second into every recognize,
 * {@code +15550100008} answers and stays silent at every recognize, {@code +15550100009} rings until a person answers
 * or declines it by hand; and any ACS user whose id ends in {@code _busy}, {@code _declines}, {@code _noanswer},
 * {@code _unreachable}, {@code _voicemail}, {@code _hangsup}, {@code _presses1}, {@code _silent} or {@code _manual},
 * with the same behaviours.
 */
public final class BehaviourBook {

    private static final Duration RESERVED_DELAY = Duration.ofSeconds(5);

    private final Duration defaultAnswerDelay;
    private final Map<Identifier, Behaviour> explicit = new ConcurrentHashMap<>();

    public BehaviourBook(Duration defaultAnswerDelay, Map<Identifier, Behaviour> configured) {
        this.defaultAnswerDelay = defaultAnswerDelay;
        this.explicit.putAll(configured);
    }

    public Behaviour behaviourOf(Identifier identity) {
        Behaviour set = explicit.get(identity);
        if (set != null) {
            return set;
        }
        return reserved(identity).orElseGet(() -> Behaviour.answering(defaultAnswerDelay));
    }

    public void set(Identifier identity, Behaviour behaviour) {
        explicit.put(identity, behaviour);
    }

    public boolean remove(Identifier identity) {
        return explicit.remove(identity) != null;
    }

    public Map<Identifier, Behaviour> explicitBehaviours() {
        return Map.copyOf(explicit);
    }

    public void clear(Map<Identifier, Behaviour> configured) {
        explicit.clear();
        explicit.putAll(configured);
    }

    /** The behaviour a reserved identity always has, if this is one. */
    public Optional<Behaviour> reserved(Identifier identity) {
        String name = identity.isPhoneNumber() ? reservedNumber(identity.phoneNumber()) : reservedSuffix(identity);
        if (name == null) {
            return Optional.empty();
        }
        return Optional.of(switch (name) {
            case "busy" -> Behaviour.of(Behaviour.Response.BUSY);
            case "declines" -> Behaviour.of(Behaviour.Response.DECLINE);
            case "noanswer" -> Behaviour.of(Behaviour.Response.NO_ANSWER);
            case "manual" -> Behaviour.of(Behaviour.Response.MANUAL);
            case "unreachable" -> Behaviour.of(Behaviour.Response.UNREACHABLE);
            case "voicemail" -> new Behaviour(Behaviour.Response.NO_ANSWER, Duration.ZERO, null, RESERVED_DELAY,
                    null);
            case "presses1" -> Behaviour.answering(defaultAnswerDelay).answering(List.of(new ScriptedAnswer.Press(
                    List.of(DtmfTone.ONE), Duration.ofSeconds(1))), true);
            case "silent" -> Behaviour.answering(defaultAnswerDelay).answering(List.of(new ScriptedAnswer.Silent()),
                    true);
            default -> new Behaviour(Behaviour.Response.ANSWER, defaultAnswerDelay, RESERVED_DELAY, null, null);
        });
    }

    private static String reservedNumber(String number) {
        return switch (number) {
            case "+15550100001" -> "busy";
            case "+15550100002" -> "declines";
            case "+15550100003" -> "noanswer";
            case "+15550100004" -> "unreachable";
            case "+15550100005" -> "voicemail";
            case "+15550100006" -> "hangsup";
            case "+15550100007" -> "presses1";
            case "+15550100008" -> "silent";
            case "+15550100009" -> "manual";
            default -> null;
        };
    }

    private static String reservedSuffix(Identifier identity) {
        String rawId = identity.rawId();
        int underscore = rawId.lastIndexOf('_');
        if (!identity.isCommunicationUser() || underscore < 0) {
            return null;
        }
        String suffix = rawId.substring(underscore + 1);
        return switch (suffix) {
            case "busy", "declines", "noanswer", "unreachable", "voicemail", "hangsup", "presses1", "silent",
                 "manual" -> suffix;
            default -> null;
        };
    }
}
