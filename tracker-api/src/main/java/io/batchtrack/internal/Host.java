package io.batchtrack.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code pid@hostname} of this process, found without a DNS lookup (which can stall for seconds). */
public final class Host {
    private static final String ID = ProcessHandle.current().pid() + "@" + hostname();

    private Host() {}

    public static String id() {
        return ID;
    }

    private static String hostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            String name = Files.readString(Path.of("/etc/hostname"), StandardCharsets.UTF_8).trim();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (java.io.IOException | RuntimeException ignored) {
            // not Linux, or unreadable: fall through
        }
        String win = System.getenv("COMPUTERNAME");
        return win != null && !win.isBlank() ? win.trim() : "localhost";
    }
}
