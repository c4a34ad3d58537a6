package io.tokenwarden.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of one process and of the whole machine between two readings of /proc (Linux), so that
 * a benchmark can say what a request costs and whether the cores were the limit.
 */
final class CpuMeter {

    /** Clock ticks per second of /proc's counters (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100;

    private final long pid;
    private final long processTicks;
    private final long[] machine;

    private CpuMeter(long pid, long processTicks, long[] machine) {
        this.pid = pid;
        this.processTicks = processTicks;
        this.machine = machine;
    }

    static CpuMeter start(long pid) throws IOException {
        return new CpuMeter(pid, processTicks(pid), machineTicks());
    }

    /** Both figures as a benchmark row prints them, for {@code requests} requests served since the start. */
    String figures(long requests) throws IOException {
        return String.format(
                "app CPU %.0f µs per request, machine %.0f%% idle", microsPer(requests), 100 * idleShare());
    }

    /** The process's CPU (user and system) since the start, in microseconds per unit of work. */
    private double microsPer(long units) throws IOException {
        return (processTicks(pid) - processTicks) / TICKS * 1e6 / units;
    }

    /** The share of the machine's CPU time that was idle since the start, 0 to 1. */
    private double idleShare() throws IOException {
        long[] now = machineTicks();
        long total = 0;
        for (int i = 0; i < now.length; i++) {
            total += now[i] - machine[i];
        }
        return total == 0 ? 0 : (double) (now[3] - machine[3]) / total;
    }

    private static long processTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** user, nice, system, idle, iowait, irq, softirq, steal of the first line of /proc/stat. */
    private static long[] machineTicks() throws IOException {
        String[] fields =
                Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long[] ticks = new long[8];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = Long.parseLong(fields[i + 1]);
        }
        return ticks;
    }
}
