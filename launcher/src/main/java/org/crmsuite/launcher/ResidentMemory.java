package org.crmsuite.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/** Resident set size of a process, from {@code /proc/<pid>/status} (Linux); absent elsewhere. */
final class ResidentMemory {

    private ResidentMemory() {
    }

    static OptionalLong kilobytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return parseKilobytes(line);
                }
            }
        } catch (IOException | RuntimeException notLinuxOrGone) {
            // no figure to show
        }
        return OptionalLong.empty();
    }

    static OptionalLong parseKilobytes(String vmRssLine) {
        String[] parts = vmRssLine.trim().split("\\s+");
        if (parts.length >= 2 && parts[0].equals("VmRSS:")) {
            try {
                return OptionalLong.of(Long.parseLong(parts[1]));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    static String format(long kilobytes) {
        return kilobytes >= 1024 * 1024
                ? String.format(Locale.ROOT, "%.2f GB", kilobytes / 1024.0 / 1024.0)
                : String.format(Locale.ROOT, "%d MB", Math.round(kilobytes / 1024.0));
    }
}
