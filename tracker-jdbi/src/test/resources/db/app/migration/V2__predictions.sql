CREATE TABLE predictions (id bigint PRIMARY KEY, game_id bigint NOT NULL REFERENCES games (id));
