package io.batchtrack.spring.boot;

import io.batchtrack.TrackedBatch;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;

/**
 * Proxies the Spring beans that have {@code @TrackedBatch} methods (or adds the advisor to their
 * existing proxy), unless the agent is attached or AspectJ has woven the class
 * ({@link WeavingFrontDoors}): then that front door already records each call once.
 */
final class TrackedBatchAdvisingPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor {

    TrackedBatchAdvisingPostProcessor() {
        ClassFilter notWovenElsewhere = type -> !WeavingFrontDoors.agentActive() && !WeavingFrontDoors.aspectjWoven(type);
        ComposablePointcut pointcut = new ComposablePointcut(notWovenElsewhere)
                .intersection(new AnnotationMatchingPointcut(null, TrackedBatch.class, true));
        this.advisor = new DefaultPointcutAdvisor(pointcut, new TrackedBatchInterceptor());
        setBeforeExistingAdvisors(true); // the run encloses the application's own advice (transactions, retries)
    }
}
