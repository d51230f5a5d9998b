package org.crmsuite.launcher;

/** Starts the whole suite locally (being built). */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        throw new UnsupportedOperationException("the launcher is not built yet");
    }
}
