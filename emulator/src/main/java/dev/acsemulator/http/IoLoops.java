package dev.acsemulator.http;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The emulator's event loops, one thread per core: the HTTP connections, the webhook connections and, in real time,
 * every call's lane all run on them. A request, its call's work and the callbacks it causes then stay on few threads
 * (on one core, on one): no hand-off between threads, no wait for the scheduler to run the next one. Nothing that
 * runs on them blocks; delays are scheduled.
 */
public final class IoLoops implements AutoCloseable {

    private final EventLoopGroup group;

    public IoLoops(int threads) {
        this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("acs-loop", true),
                NioIoHandler.newFactory());
    }

    /** For Netty bootstraps: the HTTP server's child channels and the webhook client's connections. */
    public EventLoopGroup group() {
        return group;
    }

    /** Each loop as a serial, scheduling executor (a lane). */
    public List<ScheduledExecutorService> executors() {
        List<ScheduledExecutorService> executors = new ArrayList<>();
        for (EventExecutor executor : group) {
            executors.add(executor);
        }
        return executors;
    }

    /** Stops the loops; returns once their threads have ended (or after a few seconds if a task will not). */
    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
