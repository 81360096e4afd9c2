package dev.acsemulator.api;

import java.util.concurrent.CompletionStage;

/**
 * The handler of an operation an accepted api-version has and the emulator does not build: an explicit 501
 * NotImplemented, never a fake success. The route table gives one to every such operation of the spec table.
 */
record NotImplementedOperation(String operationId) implements Operation {

    @Override
    public CompletionStage<Result> handle(Request request) {
        throw ApiErrors.notImplemented(operationId);
    }
}
