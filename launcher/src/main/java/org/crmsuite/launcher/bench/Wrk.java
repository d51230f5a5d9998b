package org.crmsuite.launcher.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator: Debian's {@code wrk} (closed loop, {@code --latency} percentiles), fed by
 * {@code bench/requests.lua}, which cycles through a file of prepared requests (method, path, token, body). While it
 * runs, the CPU of every watched JVM is sampled from /proc; wrk's own CPU is read once it has exited.
 */
final class Wrk {

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|75|90|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    /** One request wrk sends, as {@code requests.lua} reads it: tab-separated, the body last (may be empty). */
    record Request(String method, String path, String token, String body) {

        String line() {
            if (path.contains("\t") || token.contains("\t") || (body != null && (body.contains("\t") || body.contains("\n")))) {
                throw new IllegalArgumentException("a request line cannot hold tabs or new lines: " + path);
            }
            return method + "\t" + path + "\t" + token + "\t" + (body == null ? "" : body);
        }
    }

    /** What one run measured. CPU shares are of one core (1.0 = one core busy all the time). */
    record Result(String label, int connections, double seconds, long requests, double requestsPerSecond,
            double p50Ms, double p75Ms, double p90Ms, double p99Ms, long errors, double wrkCpuCores,
            Map<String, Double> jvmCpuCores, String raw) {

        String busiest() {
            return jvmCpuCores.entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue())).orElse("n/a");
        }
    }

    private final Path script;
    private final Path workDir;

    Wrk(Path workDir) throws IOException {
        this.workDir = workDir;
        this.script = workDir.resolve("requests.lua");
        try (InputStream lua = Wrk.class.getResourceAsStream("/bench/requests.lua")) {
            if (lua == null) {
                throw new IllegalStateException("bench/requests.lua is missing from the class path");
            }
            Files.write(script, lua.readAllBytes());
        }
    }

    static boolean installed() {
        try {
            Process probe = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            probe.waitFor(10, TimeUnit.SECONDS);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Runs wrk against {@code baseUrl} with {@code connections} connections on two threads for {@code duration},
     * cycling through {@code requests}; {@code watched} JVMs (name → pid) have their CPU sampled over the run.
     */
    Result run(String label, String baseUrl, List<Request> requests, int connections, Duration duration,
            Map<String, Long> watched) throws IOException, InterruptedException {
        Path requestFile = Files.createTempFile(workDir, "requests-", ".tsv");
        List<String> lines = new ArrayList<>();
        for (Request request : requests) {
            lines.add(request.line());
        }
        Files.write(requestFile, lines, StandardCharsets.UTF_8);

        int threads = Math.min(2, connections);
        List<String> command = List.of("wrk", "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--timeout", "10s", "--latency", "-s", script.toString(), baseUrl, "--", requestFile.toString());
        Map<String, Double> cpuBefore = new java.util.LinkedHashMap<>();
        watched.forEach((name, pid) -> cpuBefore.put(name, ProcCpu.seconds(pid)));
        double wrkCpuBefore = ProcCpu.reapedChildrenSeconds();
        long begin = System.nanoTime();

        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS)) {
            wrk.destroyForcibly();
            throw new IllegalStateException("wrk did not finish: " + out);
        }
        double wall = (System.nanoTime() - begin) / 1e9;
        if (wrk.exitValue() != 0) {
            throw new IllegalStateException("wrk failed (" + wrk.exitValue() + "): " + out);
        }
        double wrkCpu = ProcCpu.reapedChildrenSeconds() - wrkCpuBefore;
        Map<String, Double> jvmCpu = new java.util.LinkedHashMap<>();
        watched.forEach((name, pid) -> {
            double after = ProcCpu.seconds(pid);
            double before = cpuBefore.get(name);
            jvmCpu.put(name, after < 0 || before < 0 ? -1 : (after - before) / wall);
        });
        Files.deleteIfExists(requestFile);
        return parse(label, connections, duration.toSeconds(), out, wrkCpu < 0 ? -1 : wrkCpu / wall, jvmCpu);
    }

    static Result parse(String label, int connections, double seconds, String out, double wrkCpuCores,
            Map<String, Double> jvmCpu) {
        double[] percentiles = new double[4];
        Matcher percentile = PERCENTILE.matcher(out);
        while (percentile.find()) {
            double value = Double.parseDouble(percentile.group(2));
            double ms = switch (percentile.group(3)) {
                case "us" -> value / 1000;
                case "s" -> value * 1000;
                default -> value;
            };
            int index = switch (percentile.group(1)) {
                case "50" -> 0;
                case "75" -> 1;
                case "90" -> 2;
                default -> 3;
            };
            percentiles[index] = ms;
        }
        long errors = longOf(NON_2XX, out);
        Matcher socket = SOCKET_ERRORS.matcher(out);
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                errors += Long.parseLong(socket.group(group));
            }
        }
        Matcher rps = RPS.matcher(out);
        if (!rps.find()) {
            throw new IllegalStateException("no Requests/sec in wrk's output:\n" + out);
        }
        return new Result(label, connections, seconds, longOf(TOTAL, out), Double.parseDouble(rps.group(1)),
                percentiles[0], percentiles[1], percentiles[2], percentiles[3], errors, wrkCpuCores, jvmCpu, out);
    }

    private static long longOf(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
