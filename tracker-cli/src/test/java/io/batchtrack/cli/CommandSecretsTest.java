package io.batchtrack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.config.TrackerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The database password appears in no output of a command (tracker-jdbi's SecretsTest covers the store). */
class CommandSecretsTest {
    private static final String PASSWORD = "pw-Zq8!only-in-the-environment";

    @Test
    void theMigrateCommandReportsAFailureWithoutThePassword() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = env("jdbc:postgresql://127.0.0.1:" + closedPort() + "/nfl");
        env.put("BATCHTRACK_JDBC_CONNECTION_TIMEOUT_MS", "500");

        try (LogCapture logs = new LogCapture()) {
            int status = BatchtrackCli.run(new String[] {"migrate"}, TrackerConfig.of(Map.of(), env),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(status).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("migrate failed").doesNotContain(PASSWORD);
            assertThat(out.toString(StandardCharsets.UTF_8) + logs.text()).doesNotContain(PASSWORD);
        }
    }


    private static Map<String, String> env(String url) {
        Map<String, String> env = new HashMap<>();
        env.put("BATCHTRACK_JDBC_URL", url);
        env.put("BATCHTRACK_JDBC_USER", "postgres");
        env.put("BATCHTRACK_JDBC_PASSWORD", PASSWORD);
        env.put("BATCHTRACK_JDBC_CONNECTION_TIMEOUT_MS", "500");
        return env;
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }
}
