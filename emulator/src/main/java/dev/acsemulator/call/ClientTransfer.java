package dev.acsemulator.call;

/**
 * A transfer a simulated participant made with the Calling SDK's Transfer feature (call-automation-behaviour.md §8),
 * with the SDK's states: {@code None → Transferring → Transferred | Failed}, and the error of a failed one.
 */
public final class ClientTransfer {

    /** The Calling SDK's {@code TransferState}. */
    public enum State { NONE, TRANSFERRING, TRANSFERRED, FAILED }

    private final String id;
    private final String serverCallId;
    private final Identifier transferor;
    private final Identifier transferee;
    private final String target;
    private volatile State state = State.NONE;
    private volatile ResultInformation error;

    ClientTransfer(String id, String serverCallId, Identifier transferor, Identifier transferee, String target) {
        this.id = id;
        this.serverCallId = serverCallId;
        this.transferor = transferor;
        this.transferee = transferee;
        this.target = target;
    }

    void transferring() {
        state = State.TRANSFERRING;
    }

    void transferred() {
        state = State.TRANSFERRED;
    }

    void failed(ResultInformation reason) {
        error = reason;
        state = State.FAILED;
    }

    public String id() {
        return id;
    }

    /** The call whose participant was transferred. */
    public String serverCallId() {
        return serverCallId;
    }

    public Identifier transferor() {
        return transferor;
    }

    public Identifier transferee() {
        return transferee;
    }

    /** The target: a raw id, a call id ({@code call:<serverCallId>}) or a voicemail ({@code voicemail:<rawId>}). */
    public String target() {
        return target;
    }

    public State state() {
        return state;
    }

    /** The failure's code, subcode and message; null unless {@link State#FAILED}. */
    public ResultInformation error() {
        return error;
    }
}
