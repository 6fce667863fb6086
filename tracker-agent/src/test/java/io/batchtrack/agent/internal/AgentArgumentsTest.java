package io.batchtrack.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentArgumentsTest {

    @Test
    void noArgumentsAreNoValuesAndNoProblems() {
        assertThat(AgentArguments.parse(null).values()).isEmpty();
        assertThat(AgentArguments.parse("  ").problems()).isEmpty();
    }

    @Test
    void pairsAreTrimmedAndAValueMayContainEquals() {
        AgentArguments a = AgentArguments.parse(" store = log ,jdbc.url=jdbc:postgresql://db/nfl?ssl=true");

        assertThat(a.values()).containsExactly(Map.entry("store", "log"),
                Map.entry("jdbc.url", "jdbc:postgresql://db/nfl?ssl=true"));
        assertThat(a.problems()).isEmpty();
    }

    @Test
    void thePrefixIsOptionalAndTheLastOfARepeatedKeyWins() {
        AgentArguments a = AgentArguments.parse("batchtrack.store=none,store=log");

        assertThat(a.values()).containsExactly(Map.entry("store", "log"));
    }

    @Test
    void anItemWithoutEqualsIsAProblemNamingOnlyItsKey() {
        AgentArguments a = AgentArguments.parse("store=log,verbose,=secret,,");

        assertThat(a.values()).containsExactly(Map.entry("store", "log"));
        assertThat(a.problems()).containsExactly(
                "batchtrack agent argument 'verbose' is ignored: expected key=value",
                "batchtrack agent argument '(empty key)' is ignored: expected key=value");
        assertThat(String.join(" ", a.problems())).doesNotContain("secret");
    }
}
