package io.batchtrack.spring.boot;

import io.batchtrack.testsupport.PostgresDatabase;
import java.util.function.Supplier;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The tests' embedded database as the application's {@code spring.datasource}, once per test class. */
final class TestDataSource {
    private TestDataSource() {}

    /** {@code database} is asked only when Spring reads the properties, after the extension started it. */
    static void register(DynamicPropertyRegistry registry, Supplier<PostgresDatabase> database) {
        registry.add("spring.datasource.url", () -> database.get().jdbcUrl());
        registry.add("spring.datasource.username", () -> database.get().user());
        registry.add("spring.datasource.password", () -> database.get().password());
    }
}
