package org.crmsuite.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time from Linux's {@code /proc}: of a running process ({@code utime + stime}), and of this JVM's reaped
 * children ({@code cutime + cstime}: how the load generator's own CPU is read once it has exited). In clock ticks of
 * {@value #TICKS_PER_SECOND} per second (the Linux default, USER_HZ).
 */
final class ProcCpu {

    static final int TICKS_PER_SECOND = 100;

    private ProcCpu() {
    }

    /** The process's CPU seconds so far, or -1 when it is gone or this is not Linux. */
    static double seconds(long pid) {
        long[] fields = fields(Path.of("/proc", Long.toString(pid), "stat"));
        return fields == null ? -1 : (fields[0] + fields[1]) / (double) TICKS_PER_SECOND;
    }

    /** CPU seconds of the children this JVM has waited for (wrk runs), or -1 when unknown. */
    static double reapedChildrenSeconds() {
        long[] fields = fields(Path.of("/proc/self/stat"));
        return fields == null ? -1 : (fields[2] + fields[3]) / (double) TICKS_PER_SECOND;
    }

    /** utime, stime, cutime, cstime: fields 14–17 of stat, counted after the parenthesised command name. */
    private static long[] fields(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] rest = line.substring(line.lastIndexOf(')') + 2).split(" ");
            // rest[0] is field 3 (state): field n is rest[n - 3]
            return new long[] { Long.parseLong(rest[11]), Long.parseLong(rest[12]), Long.parseLong(rest[13]),
                    Long.parseLong(rest[14]) };
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
