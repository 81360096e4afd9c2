package dev.acsemulator.runtime;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads of the emulator's own executors: daemons, so they never keep a JVM alive, named for thread dumps. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A factory of daemon threads named {@code prefix} and a serial number: {@code acs-call-lane-1}, {@code -2}... */
    public static ThreadFactory named(String prefix) {
        AtomicInteger serial = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + serial.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
