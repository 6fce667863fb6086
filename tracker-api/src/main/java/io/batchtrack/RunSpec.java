package io.batchtrack;

import io.batchtrack.internal.Names;
import java.util.Optional;

/**
 * What a run is: its batch type, mode, period and trigger, and whether it is exclusive. Immutable
 * and validated when built; the {@code with...} methods return copies.
 *
 * <pre>{@code
 * RunSpec spec = RunSpec.of(BatchTypes.WEEKLY_UPDATE, Period.regular(2025, 17))
 *         .withMode(BatchModes.FULL)
 *         .withTrigger(Trigger.GITHUB_ACTIONS)
 *         .withExclusive(true);
 * }</pre>
 *
 * @param batchType the batch type, a name matching {@code [a-z][a-z0-9_]{0,62}}
 * @param mode the batch mode, or null for none
 * @param period the NFL week the run works on
 * @param trigger who started the run; null means the engine's trigger (the configuration key
 *     {@code trigger}, else {@link Trigger#detect()}), filled in when the run starts
 * @param exclusive whether at most one run of this batch type and period may be running at a time,
 *     across every process that records into the same database (the configuration key
 *     {@code exclusive.types} also makes runs exclusive); see {@link RunConflictException}
 */
public record RunSpec(String batchType, String mode, Period period, Trigger trigger, boolean exclusive) {

    /** @throws IllegalArgumentException naming the bad value and the rule it broke */
    public RunSpec {
        Names.requireName("batch type", batchType);
        if (mode != null) {
            if (mode.isBlank()) {
                mode = null;
            } else {
                Names.requireName("batch mode", mode);
            }
        }
        if (period == null) {
            throw new IllegalArgumentException("period must not be null");
        }
    }

    /** A spec that is not exclusive. */
    public RunSpec(String batchType, String mode, Period period, Trigger trigger) {
        this(batchType, mode, period, trigger, false);
    }

    /** A spec with no mode, triggered as the engine's configuration says. */
    public static RunSpec of(String batchType, Period period) {
        return new RunSpec(batchType, null, period, null, false);
    }

    /** A spec for the current NFL week (see {@link NflCalendar#current()}). */
    public static RunSpec of(String batchType) {
        return of(batchType, NflCalendar.current());
    }

    public RunSpec withMode(String newMode) {
        return new RunSpec(batchType, newMode, period, trigger, exclusive);
    }

    public RunSpec withPeriod(Period newPeriod) {
        return new RunSpec(batchType, mode, newPeriod, trigger, exclusive);
    }

    public RunSpec withTrigger(Trigger newTrigger) {
        return new RunSpec(batchType, mode, period, newTrigger, exclusive);
    }

    /** A copy that is (or is not) exclusive. */
    public RunSpec withExclusive(boolean newExclusive) {
        return new RunSpec(batchType, mode, period, trigger, newExclusive);
    }

    public Optional<String> modeIfAny() {
        return Optional.ofNullable(mode);
    }

    @Override
    public String toString() {
        return batchType + (mode == null ? "" : "[" + mode + "]") + " " + period + (trigger == null ? "" : " by " + trigger)
                + (exclusive ? " (exclusive)" : "");
    }
}
