package io.batchtrack.spring.batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.JobOperatorFactoryBean;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Spring Batch 6 on a test database, set up as {@code @EnableJdbcJobRepository} would: its own tables
 * (from its own script), a JDBC job repository, a synchronous job operator; and the jobs the tests
 * run, each with the listener registered as an application would ({@code .listener(...)}).
 */
final class SpringBatch {
    final JobRepository repository;
    final JdbcTransactionManager transactions;
    final JobOperator operator;
    final JdbcTemplate sql;

    /** Creates Spring Batch's tables first. */
    SpringBatch(DataSource dataSource) {
        this(dataSource, true);
    }

    /** @param createTables false where another JVM has created them already */
    SpringBatch(DataSource dataSource, boolean createTables) {
        try {
            if (createTables) {
                new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-postgresql.sql"))
                        .execute(dataSource);
            }
            transactions = new JdbcTransactionManager(dataSource);
            JdbcJobRepositoryFactoryBean repositoryFactory = new JdbcJobRepositoryFactoryBean();
            repositoryFactory.setDataSource(dataSource);
            repositoryFactory.setTransactionManager(transactions);
            repositoryFactory.afterPropertiesSet();
            repository = repositoryFactory.getObject();
            JobOperatorFactoryBean operatorFactory = new JobOperatorFactoryBean();
            operatorFactory.setJobRepository(repository);
            operatorFactory.setTransactionManager(transactions);
            operatorFactory.setJobRegistry(new MapJobRegistry());
            operatorFactory.afterPropertiesSet();
            operator = operatorFactory.getObject();
        } catch (Exception e) {
            throw new IllegalStateException("Spring Batch could not be set up", e);
        }
        sql = new JdbcTemplate(dataSource);
    }

    JobExecution run(Job job, JobParameters parameters) {
        try {
            return operator.start(job, parameters);
        } catch (Exception e) {
            throw new IllegalStateException("Spring Batch refused to start " + job.getName(), e);
        }
    }

    /** One chunk step "loadGames" over {@code games} (chunks of 3); an item the processor refuses is skipped. */
    Job chunkJob(String name, List<Integer> games, ItemProcessor<Integer, Integer> processor, Object listener) {
        Step step = new StepBuilder("loadGames", repository).<Integer, Integer>chunk(3).transactionManager(transactions)
                .reader(new ListItemReader<>(games)).processor(processor).writer(chunk -> { })
                .faultTolerant().skip(IllegalArgumentException.class).skipLimit(5).build();
        return job(name, step, listener);
    }

    /**
     * A manager step "loadWeeks" partitioned into {@code partitions} executions of the worker step
     * "loadGames", each of which reads and writes {@code gamesEach} games.
     */
    Job partitionedJob(String name, int partitions, int gamesEach, Object listener) {
        Step worker = new StepBuilder("loadGames", repository).tasklet((contribution, context) -> {
            for (int i = 0; i < gamesEach; i++) {
                contribution.incrementReadCount();
            }
            contribution.incrementWriteCount(gamesEach);
            return RepeatStatus.FINISHED;
        }, transactions).build();
        if (listener != null) {
            ((AbstractStep) worker).registerStepExecutionListener((StepExecutionListener) listener);
        }
        Step manager = new StepBuilder("loadWeeks", repository).partitioner("loadGames", grid -> {
            Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
            for (int i = 0; i < partitions; i++) {
                contexts.put("week" + i, new ExecutionContext());
            }
            return contexts;
        }).step(worker).build();
        return job(name, manager, listener);
    }

    /** One tasklet step of that name. */
    Job taskletJob(String name, String stepName, Tasklet tasklet, Object listener) {
        return job(name, new StepBuilder(stepName, repository).tasklet(tasklet, transactions).build(), listener);
    }

    /** A job of one step, with the listener on both (none if it is null: the auto-configuration's to add). */
    private Job job(String name, Step step, Object listener) {
        JobBuilder job = new JobBuilder(name, repository);
        if (listener != null) {
            ((AbstractStep) step).registerStepExecutionListener((StepExecutionListener) listener); // as .listener(...) on the step builder does
            job.listener((JobExecutionListener) listener);
        }
        return job.start(step).build();
    }

    /** The status Spring Batch itself recorded for the execution. */
    String recordedStatus(JobExecution execution) {
        return sql.queryForObject("SELECT status FROM batch_job_execution WHERE job_execution_id = ?", String.class,
                execution.getId());
    }
}
