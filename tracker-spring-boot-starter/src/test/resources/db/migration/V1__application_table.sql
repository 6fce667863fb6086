-- the test application's own Flyway migration, applied next to batchtrack's
CREATE TABLE games (id bigint PRIMARY KEY, home text NOT NULL);
