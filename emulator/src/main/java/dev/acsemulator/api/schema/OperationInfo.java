package dev.acsemulator.api.schema;

import java.util.List;

/**
 * One REST operation as an api-version defines it.
 *
 * @param operationId           the spec's operationId, e.g. {@code CallConnection_AddParticipant}
 * @param method                HTTP method, upper case
 * @param path                  path template, e.g. {@code /calling/callConnections/{callConnectionId}/participants:add}
 * @param status                the success status the SDKs expect
 * @param otherSuccessStatuses  further success statuses the spec allows (e.g. 202 for StartRecording since 2025-06-15)
 * @param inferred              {@code null} when read from the spec's path entry, otherwise what was inferred
 */
public record OperationInfo(String operationId, String method, String path, int status,
                            List<Integer> otherSuccessStatuses, String inferred) {

    public OperationInfo {
        otherSuccessStatuses = List.copyOf(otherSuccessStatuses);
    }

    /** Whether {@code statusCode} is a success status of this operation in this api-version. */
    public boolean isSuccessStatus(int statusCode) {
        return statusCode == status || otherSuccessStatuses.contains(statusCode);
    }
}
