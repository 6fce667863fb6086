package io.batchtrack.spring.boot;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Boot application {@link SpringAgentIT} runs in a JVM of its own, with the batchtrack agent
 * attached: two calls through the bean, one self-invocation, then one line saying what it saw.
 */
public final class AgentBootApp {
    private AgentBootApp() {}

    public static void main(String[] args) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TestApplication.class)
                .web(WebApplicationType.NONE).run(args)) {
            WeeklyUpdate update = app.getBean(WeeklyUpdate.class);
            update.update();
            update.update();
            update.viaThis();
            System.out.println("RESULT agent=" + WeavingFrontDoors.agentActive() + " proxied=" + AopUtils.isAopProxy(update)
                    + " bodies=" + update.bodies());
        }
    }
}
