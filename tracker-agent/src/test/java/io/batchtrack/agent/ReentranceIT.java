package io.batchtrack.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.batchtrack.agent.testing.AppRun;
import io.batchtrack.agent.testing.Forked;
import io.batchtrack.agent.testing.Jdk;
import io.batchtrack.agent.testing.TestApps;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Re-entrance under the agent (src/test/apps/reentrant, with store=held of src/test/apps/held-store, which refuses an exclusive
 * start while an exclusive run of its week is running, as the database's unique index does): a woven method
 * that calls itself for the same batch type and period joins the run around it — one row, every
 * level counted — so an exclusive one never collides with its own outer run, and an inner call's
 * exception reaches its caller as is. A call of another type still nests with its parent.
 */
class ReentranceIT {

    @Test
    void aRecursiveWovenMethodRecordsOneRunAndAnotherTypeStillNests() {
        AppRun run = Forked.app(Jdk.current(), "app.reentrant.Main", TestApps.jar("reentrant", 8),
                TestApps.jar("held-store", 17))
                .agent("store=held,on-conflict=fail,spool.dir=none").run();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.value("recursive.result")).isEqualTo("4");
        Map<String, Object> recursive = run.run("recursive_job");
        assertThat(recursive).containsEntry("status", "success");
        assertThat(String.valueOf(((Map<?, ?>) recursive.get("metrics")).get("games_processed"))).isEqualTo("4");
        assertThat(run.run("other_job")).containsEntry("parent_run_id", recursive.get("batchtrack_run"));
        assertThat(run.value("exclusive.returned")).as(run.toString()).isEqualTo("true");
        assertThat(run.value("exclusive.body.0")).isEqualTo("ran");
        assertThat(run.run("exclusive_job")).containsEntry("status", "success");
        assertThat(run.value("recovering.result")).isEqualTo("inner threw the same=true");
        assertThat(run.run("recovering_job")).containsEntry("status", "success");
    }
}
