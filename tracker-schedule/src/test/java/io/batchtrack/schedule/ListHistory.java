package io.batchtrack.schedule;

import io.batchtrack.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A {@link RunHistory} over a list, for the pure tests of the rules; answers as {@code RunRows} does. */
final class ListHistory implements RunHistory {
    final List<ObservedRun> runs = new ArrayList<>();

    ObservedRun add(String type, String mode, RunStatus status, Instant started, Instant completed) {
        ObservedRun r = new ObservedRun(UUID.randomUUID(), type, mode, status, started, completed);
        runs.add(r);
        return r;
    }

    @Override
    public List<ObservedRun> runs(String batchType, String mode, Instant from, Instant to) {
        return runs.stream().filter(r -> r.batchType().equals(batchType) && (mode == null || mode.equals(r.mode()))
                && !r.startedAt().isBefore(from) && !r.startedAt().isAfter(to))
                .sorted(Comparator.comparing(ObservedRun::startedAt)).toList();
    }

    @Override
    public List<ObservedRun> running() {
        return runs.stream().filter(r -> r.status() == RunStatus.RUNNING).toList();
    }

    @Override
    public List<Duration> successfulDurations(String batchType, String mode, int max) {
        return runs.stream().filter(r -> r.batchType().equals(batchType) && Objects.equals(mode, r.mode())
                && r.status() == RunStatus.SUCCESS).sorted(Comparator.comparing(ObservedRun::startedAt).reversed())
                .limit(max).map(r -> Duration.between(r.startedAt(), r.completedAt())).toList();
    }
}
