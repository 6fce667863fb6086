package bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/** Embedded PostgreSQL for the store measurement: prints its JDBC URL, stops when standard input closes. */
public final class Postgres {
    private Postgres() {}

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(true).start()) {
            System.out.println(pg.getJdbcUrl("postgres", "postgres"));
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the script closes our standard input
            }
        }
    }
}
