package io.batchtrack.spring.batch;

import io.batchtrack.internal.Log;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Registers the listener on every job bean of the application (as its job listener, and as the
 * step listener of each step the job can name) and on every step bean. A job that is not an
 * {@link AbstractJob} cannot take a listener: it is logged once and runs untracked. Steps the job
 * cannot name (step-scoped proxies, partition workers) are recorded when their job ends.
 *
 * <p>The listener is looked up on the first job, not when this post-processor is made: the engine
 * behind it needs the application's DataSource, which must not be created this early.
 */
final class JobListenerRegistrar implements BeanPostProcessor {
    private final ObjectProvider<BatchtrackJobListener> listener;

    JobListenerRegistrar(ObjectProvider<BatchtrackJobListener> listener) {
        this.listener = listener;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractJob job) {
            BatchtrackJobListener l = listener.getObject();
            job.registerJobExecutionListener(l); // Spring Batch keeps a listener once, however often it is registered
            for (String stepName : job.getStepNames()) {
                register(job.getStep(stepName), l);
            }
        } else if (bean instanceof AbstractStep step) {
            register(step, listener.getObject());
        } else if (bean instanceof Job job) {
            Log.warnOnce("spring-batch:job-type:" + bean.getClass().getName(), "job " + job.getName() + " (bean "
                    + beanName + ") is a " + bean.getClass().getName() + ", not an AbstractJob, so batchtrack"
                    + " cannot listen to it; register BatchtrackJobListener on it to track its executions", null);
        }
        return bean;
    }

    private static void register(Step step, BatchtrackJobListener listener) {
        if (step instanceof AbstractStep abstractStep) {
            abstractStep.registerStepExecutionListener(listener);
        }
    }
}
