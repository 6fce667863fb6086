package io.batchtrack.examples.nfl.db;

import io.batchtrack.Period;
import io.batchtrack.config.TrackerConfig;
import io.batchtrack.spi.Readiness;
import io.batchtrack.spi.ReadinessProbe;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * What the {@code nfl} tables hold for a week, for {@code data_readiness}: the schedule is complete
 * once the week has games, predictions are available once one game has a prediction.
 *
 * <p>This jar names it in {@code META-INF/services/io.batchtrack.spi.ReadinessProbe}, so the
 * tracker's PostgreSQL store (the agent's included) measures readiness with it: the store looks the
 * service up with the context class loader of the thread that ends a run, which is this
 * application's. Built that way, it reaches the database the way {@link io.batchtrack.examples.nfl.NflCli}
 * does, from the tracker's configuration in system properties and the environment (not from agent
 * arguments), read at the first measurement.
 */
public final class NflReadinessProbe implements ReadinessProbe {
    private static final String COUNTS = """
            SELECT count(*) AS games, count(p.game_id) AS predictions
            FROM nfl.games g LEFT JOIN nfl.predictions p ON p.game_id = g.game_id
            WHERE g.season_year = ? AND g.week = ? AND g.season_type = ?""";

    private final Supplier<ConnectionSource> db;

    /** For {@link java.util.ServiceLoader}: the database of the tracker's configuration, looked up when first used. */
    public NflReadinessProbe() {
        this.db = new Supplier<>() {
            private ConnectionSource source;

            @Override
            public synchronized ConnectionSource get() {
                if (source == null) {
                    // a ConfigException here reaches the store as a failed refresh, logged, never as an Error
                    source = ConnectionSource.fromConfig(TrackerConfig.fromEnvironment());
                }
                return source;
            }
        };
    }

    public NflReadinessProbe(ConnectionSource db) {
        this.db = () -> db;
    }

    @Override
    public Readiness probe(Period period) throws SQLException {
        try (Connection c = db.get().open(); PreparedStatement ps = c.prepareStatement(COUNTS)) {
            ps.setInt(1, period.seasonYear());
            ps.setInt(2, period.week());
            ps.setString(3, period.seasonType().code());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long games = rs.getLong("games");
                long predictions = rs.getLong("predictions");
                return new Readiness(period, games > 0, predictions > 0, games, predictions);
            }
        }
    }
}
