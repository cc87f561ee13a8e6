-- Provenance of every load (issue 11, point 7): the SHA-256 of the files read, and one history
-- row per publication of a layer version (files, digest, vintage, count, time), so a scenario can
-- say which version of each input it read and whether that version is still the current one.
-- A loaded version (files with a digest) is retained when replaced: its physical table stays, so
-- a scenario can be recomputed on exactly the inputs it read (POST /api/scenarios/{id}/recalcul).
ALTER TABLE carence_layer ADD COLUMN source_sha256 VARCHAR(1000);

CREATE TABLE carence_layer_history (
    layer_name       VARCHAR(200)  NOT NULL,
    physical_table   VARCHAR(200)  NOT NULL,
    source_dataset   VARCHAR(200),
    source_files     VARCHAR(4000),
    source_vintage   VARCHAR(200),
    source_sha256    VARCHAR(1000),
    source_loaded_by VARCHAR(200),
    feature_count    BIGINT        NOT NULL,
    committed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    retained         BOOLEAN       NOT NULL,
    PRIMARY KEY (layer_name, physical_table)
);
