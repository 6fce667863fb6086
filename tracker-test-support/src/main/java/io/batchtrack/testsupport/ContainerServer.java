package io.batchtrack.testsupport;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A PostgreSQL container, started once per JVM; Testcontainers removes it when the JVM exits.
 * The only class that touches Testcontainers, so its classes load only when Docker answered.
 */
final class ContainerServer extends PostgresServer {
    private final PostgreSQLContainer container;

    private ContainerServer(PostgreSQLContainer container) {
        this.container = container;
    }

    static ContainerServer launch(String image) {
        PostgreSQLContainer container = new PostgreSQLContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
                .withCommand("postgres", "-c", "fsync=off", "-c", "full_page_writes=off");
        container.start();
        return new ContainerServer(container);
    }

    @Override
    public Kind kind() {
        return Kind.TESTCONTAINERS;
    }

    @Override
    String urlOf(String database) {
        return JdbcUrls.withDatabase(container.getJdbcUrl(), database);
    }

    @Override
    String adminDatabase() {
        return container.getDatabaseName();
    }

    @Override
    String user() {
        return container.getUsername();
    }

    @Override
    String password() {
        return container.getPassword();
    }
}
