package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Forked;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.TestApps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Another retransforming agent that instruments {@code ThreadPoolExecutor.execute} (src/test/apps/otheragent,
 * with its own Byte Buddy), before or after batchtrack on the command line, in starts with and without it
 * that share one weaving cache: with it, its code and batchtrack's propagation are both in the pool; without
 * it, none of its code is (the cache never hands back what was woven from its output), and batchtrack's is.
 */
class SecondAgentIT {
    private static final String OTHER_SAYS = "other.execute=seen";

    static Stream<Arguments> jdksAndOrders() {
        return Jdk.all().stream().flatMap(jdk -> Stream.of(arguments(jdk, "other agent first"),
                arguments(jdk, "batchtrack first")));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("jdksAndOrders")
    void withTheOtherAgentBothAreInThePoolAndWithoutItNoneOfItsCodeIsAcrossWarmRestarts(Jdk jdk, String order)
            throws IOException {
        Path cache = TestApps.work().resolve("second-agent-cache-" + System.nanoTime());
        boolean[] withOther = {true, true, false, false, true};
        List<String> seen = new ArrayList<>();

        for (int start = 0; start < withOther.length; start++) {
            AppRun run = start(jdk, cache, withOther[start] ? order : null);
            String label = "start " + (start + 1) + (withOther[start] ? " with " : " without ") + "the other agent, "
                    + order + "\n" + run;

            assertThat(run.exitCode()).as(label).isZero();
            assertThat(run.value("job.result")).as(label).isEqualTo("7");
            String runId = run.run("pools_job").get("batchtrack_run").toString();
            assertThat(run.value("track.job.run")).as(label).isEqualTo(runId);
            assertThat(run.value("track.pool.run")).as("batchtrack's propagation, " + label).isEqualTo(runId);
            assertThat(run.value("track.async.run")).as(label).isEqualTo(runId);
            if (withOther[start]) {
                assertThat(run.value("other.installed")).as(label).isEqualTo("true");
                assertThat(run.stdout()).as("the other agent's code, " + label).contains(OTHER_SAYS);
            } else {
                assertThat(run.stdout()).as("none of the other agent's code, " + label).doesNotContain(OTHER_SAYS);
            }
            assertThat(run.stderr()).as(label).doesNotContain("WARNING");
            seen.add(label);
        }
        assertThat(seen).hasSize(withOther.length);
    }

    /** @param order null for a start without the other agent */
    private static AppRun start(Jdk jdk, Path cache, String order) {
        Forked f = Forked.app(jdk, "app.pools.Main", TestApps.jar("pools", 17)).agent("store=log")
                .env("BATCHTRACK_CACHE_DIR", cache.toString());
        if (order == null) {
            return f.run();
        }
        String other = "-javaagent:" + otherAgent();
        return (order.equals("other agent first") ? f.jvmOptionBeforeAgent(other) : f.jvmOption(other)).run();
    }

    /** The other agent's jar, with its Byte Buddy beside it (its manifest's Class-Path names it). */
    private static synchronized Path otherAgent() {
        Path bytebuddy = Path.of(System.getProperty("batchtrack.test.bytebuddy-jar"));
        Path jar = TestApps.jar("otheragent", 17, bytebuddy);
        try {
            Files.copy(bytebuddy, jar.resolveSibling("byte-buddy.jar"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }
}
