package io.batchtrack.examples.spring;

import io.batchtrack.Metrics;
import io.batchtrack.Tracker;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The weekly update as a Spring Batch job, which knows nothing of batchtrack: the starter's Spring
 * Batch bridge makes each execution a {@code weekly_update} run (the job's name), for the week its
 * job parameters name. Its code may still count into the run with {@code Tracker.current()}.
 *
 * <p>{@code loadGames} reads the week's 16 games in chunks of 5; game 7 has no home team yet and is
 * skipped, so the run is {@code partial} with a warning naming the step. {@code syncOdds} syncs the odds.
 */
@Configuration
public class WeeklyUpdateJob {
    static final int GAMES = 16;
    static final int GAME_WITHOUT_HOME_TEAM = 7;
    static final int ODDS = 14;

    @Bean
    public Job weeklyUpdate(JobRepository repository, Step loadGames, Step syncOdds) {
        return new JobBuilder("weeklyUpdate", repository).start(loadGames).next(syncOdds).build();
    }

    @Bean
    public Step loadGames(JobRepository repository, PlatformTransactionManager transactions) {
        List<Integer> games = IntStream.rangeClosed(1, GAMES).boxed().toList();
        return new StepBuilder("loadGames", repository).<Integer, Integer>chunk(5).transactionManager(transactions)
                .reader(new ListItemReader<>(games))
                .processor(game -> {
                    if (game == GAME_WITHOUT_HOME_TEAM) {
                        throw new IllegalArgumentException("game " + game + " has no home team yet");
                    }
                    return game;
                })
                .writer(chunk -> Tracker.current().increment(Metrics.GAMES_PROCESSED, chunk.size()))
                .faultTolerant().skip(IllegalArgumentException.class).skipLimit(3)
                .build();
    }

    @Bean
    public Step syncOdds(JobRepository repository, PlatformTransactionManager transactions) {
        return new StepBuilder("syncOdds", repository).tasklet((contribution, context) -> {
            Tracker.current().increment(Metrics.ODDS_SYNCED, ODDS);
            Tracker.current().increment(Metrics.API_CALLS_MADE, 1);
            return RepeatStatus.FINISHED;
        }, transactions).build();
    }
}
