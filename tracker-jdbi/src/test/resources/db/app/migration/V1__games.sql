-- an application's own schema, migrated by its own Flyway (history table flyway_schema_history)
CREATE TABLE games (id bigint PRIMARY KEY, season_year int NOT NULL, week int NOT NULL, season_type text NOT NULL);
