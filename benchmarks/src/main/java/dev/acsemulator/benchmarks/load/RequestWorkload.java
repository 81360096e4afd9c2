package dev.acsemulator.benchmarks.load;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

/** Each unit is one request, answered with the expected status: GetCall, or a POST to a baseline. */
final class RequestWorkload extends Workload {

    private final LoadClient client;
    private final LongFunction<byte[]> request;
    private final int expectedStatus;

    RequestWorkload(LoadClient client, LongFunction<byte[]> request, int expectedStatus) {
        this.client = client;
        this.request = request;
        this.expectedStatus = expectedStatus;
    }

    @Override
    void start(long index, long intendedNanos) {
        started++;
        client.submit(new LoadClient.Exchange() {
            @Override
            public byte[] encode() {
                return request.apply(index);
            }

            @Override
            public void completed(int status, ByteBuf body, long nowNanos) {
                record(rest, nowNanos - intendedNanos);
                if (status == expectedStatus) {
                    completedOne(nowNanos);
                } else {
                    error("HTTP " + status + ": " + body.toString(StandardCharsets.UTF_8), nowNanos);
                }
            }

            @Override
            public void failed(Throwable cause, long nowNanos) {
                error(cause.toString(), nowNanos);
            }
        });
    }
}
