package io.distributedjob.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU and memory of a process on Linux: CPU time from {@code /proc/<pid>/stat}, resident memory from
 * {@code /proc/<pid>/status}, used heap from {@code jcmd <pid> GC.heap_info}.
 */
final class ProcessSampler {

    private static final long CLOCK_TICKS_PER_SECOND = 100;
    /** G1 prints {@code used 12345K}, ZGC {@code used 40M}. */
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)([KMG])");

    private final long pid;
    private final String jcmd;
    private long startTicks;
    private long startNanos;
    private long lastTicks;
    private long lastNanos;
    private long maxHeapKb;
    private long maxRssKb;

    ProcessSampler(long pid) {
        this.pid = pid;
        String java = ProcessHandle.current().info().command().orElse("java");
        this.jcmd = Path.of(java).resolveSibling("jcmd").toString();
    }

    void start() throws IOException {
        startTicks = cpuTicks();
        startNanos = System.nanoTime();
    }

    void sample() throws IOException, InterruptedException {
        lastTicks = cpuTicks();
        lastNanos = System.nanoTime();
        maxRssKb = Math.max(maxRssKb, rssKb());
        maxHeapKb = Math.max(maxHeapKb, heapUsedKb());
    }

    /** CPU time (user and system) the process consumed between {@link #start()} and the last sample. */
    double cpuSeconds() {
        return (double) (lastTicks - startTicks) / CLOCK_TICKS_PER_SECOND;
    }

    double cores() {
        double wallSeconds = (lastNanos - startNanos) / 1e9;
        return wallSeconds <= 0 ? 0 : cpuSeconds() / wallSeconds;
    }

    long maxHeapMb() {
        return maxHeapKb / 1024;
    }

    long maxRssMb() {
        return maxRssKb / 1024;
    }

    private long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields after the command: state is index 0, utime 11, stime 12
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }

    private long heapUsedKb() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(jcmd, Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor(10, TimeUnit.SECONDS);
        Matcher matcher = HEAP_USED.matcher(output);
        if (!matcher.find()) {
            return 0;
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "G" -> amount * 1024 * 1024;
            case "M" -> amount * 1024;
            default -> amount;
        };
    }
}
