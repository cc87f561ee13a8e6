-- Retention of loaded versions (carence.store.retained-versions / retained-days): an earlier
-- version is kept while something pins it (a saved scenario that read it: holder 'scenario:<id>'),
-- otherwise purged once it is old enough. Versions are named as scenarios record them: layer
-- and publication time.
CREATE TABLE carence_layer_pin (
    holder       VARCHAR(200) NOT NULL,
    layer_name   VARCHAR(200) NOT NULL,
    committed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (holder, layer_name, committed_at)
);

-- Versions retained before this rule existed may be read by scenarios saved before it: all stay
-- pinned until the scenario service, at its next start, pins exactly what its scenarios read.
INSERT INTO carence_layer_pin (holder, layer_name, committed_at)
SELECT 'avant-conservation', layer_name, committed_at FROM carence_layer_history WHERE retained;
