package io.batchtrack.jdbi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The named-to-positional conversion of the store's write statements (run against PostgreSQL by every store test). */
class WriteStatementTest {

    @Test
    void namedParametersBecomePositionsAndARepeatedNameFillsEachOfItsPositions() {
        WriteStatement s = new WriteStatement("UPDATE t SET a = :a, b = coalesce(:b, :a) WHERE id = :id");

        assertThat(s.sql()).isEqualTo("UPDATE t SET a = ?, b = coalesce(?, ?) WHERE id = ?");
    }

    @Test
    void castsAndQuotedTextAreLeftAlone() {
        WriteStatement s = new WriteStatement("SELECT floor(x)::bigint, to_char(t, 'HH24:MI:SS') FROM r WHERE y = :y");

        assertThat(s.sql()).isEqualTo("SELECT floor(x)::bigint, to_char(t, 'HH24:MI:SS') FROM r WHERE y = ?");
    }

    @Test
    void everyStatementOfTheStoreConvertsWithoutLeftoverNames() {
        Sql sql = new Sql("\"public\"");
        for (String named : new String[] {sql.insertStartedRun, sql.updateProgress, sql.upsertFinishedRun,
            sql.sweepAbandoned, sql.upsertReadiness, sql.runExists, sql.runningExclusiveRun}) {
            String positional = new WriteStatement(named).sql();
            assertThat(positional.replaceAll("'[^']*'", "").replace("::", "")).doesNotContain(":");
        }
    }

    @Test
    void aNameTheStatementDoesNotHaveIsRefusedByName() {
        WriteStatement s = new WriteStatement("UPDATE t SET a = :a");

        assertThatThrownBy(() -> s.values().string("b", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no parameter :b");
    }
}
