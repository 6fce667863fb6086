package io.batchtrack.spi;

import io.batchtrack.config.TrackerConfig;

/**
 * Builds a {@link RunStore} from configuration; found through {@link java.util.ServiceLoader}
 * and chosen by the configuration key {@code store} (for example {@code jdbc} or {@code log}).
 */
public interface RunStoreProvider {

    /** The value of the {@code store} key that selects this provider. */
    String name();

    /**
     * @throws io.batchtrack.config.ConfigException naming the key when the configuration is unusable
     */
    RunStore create(TrackerConfig config);
}
