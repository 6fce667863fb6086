package io.batchtrack.benchmarks;

import javax.sql.DataSource;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.JobOperatorFactoryBean;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Spring Batch 6 set up as {@code @EnableJdbcJobRepository} does, on a given pool: a JDBC job
 * repository, a transactional job operator, and a job of one tasklet step that does nothing.
 * Each launch is a new job instance (a new {@code run} parameter), as a scheduled batch's is.
 */
final class SpringBatchNoop {
    private final JobOperator operator;
    private final Job job;
    private final AtomicLong sequence = new AtomicLong();

    SpringBatchNoop(DataSource dataSource) throws Exception {
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
        JdbcJobRepositoryFactoryBean repositoryFactory = new JdbcJobRepositoryFactoryBean();
        repositoryFactory.setDataSource(dataSource);
        repositoryFactory.setTransactionManager(transactions);
        repositoryFactory.afterPropertiesSet();
        JobRepository repository = repositoryFactory.getObject();

        job = new JobBuilder("noop", repository)
                .start(new StepBuilder("noop", repository)
                        .tasklet((contribution, context) -> RepeatStatus.FINISHED, transactions)
                        .build())
                .build();

        JobOperatorFactoryBean operatorFactory = new JobOperatorFactoryBean();
        operatorFactory.setJobRepository(repository);
        operatorFactory.setTransactionManager(transactions);
        operatorFactory.setJobRegistry(new MapJobRegistry());
        operatorFactory.afterPropertiesSet();
        operator = operatorFactory.getObject();
    }

    /** Creates Spring Batch's tables, from the script in spring-batch-core. */
    static void createSchema(DataSource dataSource) {
        new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-postgresql.sql"))
                .execute(dataSource);
    }

    /** One launch of the no-op job, synchronously; fails unless it completed. */
    JobExecution launch() throws Exception {
        JobExecution execution = operator.start(job,
                new JobParametersBuilder().addLong("run", sequence.incrementAndGet()).toJobParameters());
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("the no-op job ended " + execution.getStatus() + ": "
                    + execution.getAllFailureExceptions());
        }
        return execution;
    }
}
