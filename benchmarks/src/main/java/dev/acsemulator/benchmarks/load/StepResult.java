package dev.acsemulator.benchmarks.load;

/**
 * One offered load against one server: what was offered and achieved, REST latency and action-to-event latency in
 * microseconds (from intended send times, so coordinated omission does not hide queueing), events, and the server
 * process's CPU, resident memory and heap, and the machine's one-minute load average when the step ended (other
 * work on a shared machine shows there).
 */
record StepResult(String scenario, String server, String unit, double offered, double achieved, long completed,
                  long errors, long unfinished, double restP50, double restP99, double restP999, double restMax,
                  double eventP50, double eventP99, double eventP999, long eventsExpected, long eventsDelivered,
                  long eventsWithoutBearer, double serverCpuPercent, long serverRssBytes, long serverHeapBytes,
                  boolean sustained, String firstError, double machineLoad) {
}
