package org.crmsuite.launcher;

import java.util.List;

/**
 * The small-heap flags every module's JVM gets in the local run (CRM_JVM_OPTS replaces them): a serial collector,
 * a capped heap, metaspace and code cache, the C1 compiler only (quick start, small footprint), and exit on
 * OutOfMemoryError so a broken JVM is seen as exited rather than limping on.
 */
public final class JvmDefaults {

    private JvmDefaults() {
    }

    public static List<String> options(int heapMb) {
        return List.of("-XX:+UseSerialGC", "-Xmx" + heapMb + "m", "-Xss512k", "-XX:MaxMetaspaceSize=128m",
                "-XX:ReservedCodeCacheSize=48m", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError");
    }
}
