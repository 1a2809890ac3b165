-- Persisted grain state for the Entente cluster (the pair aggregates): JSON per grain, with an ETag.
CREATE TABLE IF NOT EXISTS entente_grain_state (
    state_name varchar(100) NOT NULL,
    grain_id varchar(512) NOT NULL,
    etag bigint NOT NULL,
    state jsonb NOT NULL,
    PRIMARY KEY (state_name, grain_id)
);
