package io.batchtrack.spring.boot;

import io.batchtrack.BatchTracking;
import io.batchtrack.config.ConfigException;
import io.batchtrack.config.EngineSettings;
import io.batchtrack.config.StoreFailurePolicy;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.internal.Log;
import io.batchtrack.jdbi.PostgresRunStore;
import io.batchtrack.status.StatusRequests;
import io.batchtrack.status.StatusServer;
import io.batchtrack.status.StatusSettings;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * In a servlet web application whose engine records to PostgreSQL: the System Status page and the
 * endpoints under {@code batchtrack.status.path} (default {@value #DEFAULT_PATH}; {@code none}: not
 * served), protected by the application's Spring Security when it has a filter chain, else by the
 * status server's token rules ({@link StatusServlet}).
 */
@AutoConfiguration(after = BatchtrackAutoConfiguration.class,
        afterName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = {"jakarta.servlet.http.HttpServlet",
        "org.springframework.boot.web.servlet.ServletRegistrationBean"})
@ConditionalOnBean(BatchTracking.class)
public class BatchtrackStatusAutoConfiguration {
    static final String DEFAULT_PATH = "/batchtrack";
    static final String PATH_RULE = "a path such as /batchtrack: '/' then segments of letters, digits, '-', '_'"
            + " or '.', no trailing '/'; or none";
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._-]+)+");
    private static final String SECURITY_FILTER_CHAIN = "org.springframework.security.web.SecurityFilterChain";

    /** Not registered (disabled) when the path is none, the store is not PostgreSQL or a key cannot be used under continue. */
    @Bean
    public ServletRegistrationBean<StatusServlet> batchtrackStatusServlet(BatchTracking tracking,
            Environment environment, ListableBeanFactory beans) {
        TrackerConfig config = SpringTrackerConfig.from(environment);
        ServletRegistrationBean<StatusServlet> registration = new ServletRegistrationBean<>();
        registration.setName("batchtrackStatus");
        String path = config.get("status.path", DEFAULT_PATH).strip();
        StatusServer.Options options;
        try {
            if (path.equals("none")) {
                return disabled(registration);
            }
            if (!PATH.matcher(path).matches()) {
                throw new ConfigException("status.path", "'" + path + "' is not " + PATH_RULE);
            }
            options = StatusSettings.inApplicationServer(config);
        } catch (ConfigException e) {
            if (EngineSettings.onStoreFailure(config) == StoreFailurePolicy.FAIL) {
                throw e;
            }
            Log.warn(e.getMessage() + "; the status page is not served (on-store-failure=continue)");
            return disabled(registration);
        }
        if (!(tracking.store() instanceof PostgresRunStore postgres)) {
            Log.warn("batchtrack's status page needs the jdbc store; the store is " + tracking.store()
                    + ", so " + path + " is not served");
            return disabled(registration);
        }
        boolean secured = springSecurity(beans);
        StatusRequests requests = secured ? StatusRequests.behindApplicationSecurity(postgres::queries, options)
                : StatusRequests.withTokenRules(postgres::queries, options);
        registration.setServlet(new StatusServlet(requests, secured));
        registration.addUrlMappings(path, path + "/*");
        return registration;
    }

    /** Whether the application's Spring Security guards its requests (it has a filter chain). */
    private static boolean springSecurity(ListableBeanFactory beans) {
        ClassLoader loader = BatchtrackStatusAutoConfiguration.class.getClassLoader();
        if (!ClassUtils.isPresent(SECURITY_FILTER_CHAIN, loader)) {
            return false;
        }
        // definitions only: nothing is created early to find out
        return beans.getBeanNamesForType(ClassUtils.resolveClassName(SECURITY_FILTER_CHAIN, loader), true, false)
                .length > 0;
    }

    private static ServletRegistrationBean<StatusServlet> disabled(ServletRegistrationBean<StatusServlet> registration) {
        registration.setServlet(new StatusServlet(null, false));
        registration.setEnabled(false);
        return registration;
    }
}
