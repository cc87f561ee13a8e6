-- Layer registry shared by H2GIS and PostGIS (plain SQL both accept).
-- A layer name points at one versioned physical table; publishing a new version is one UPDATE
-- of carence_layer, which is atomic on both databases even though H2 auto-commits DDL.

-- Every physical table the store creates, published or staging, with the schema it was built for.
CREATE TABLE carence_table (
    physical_table VARCHAR(63) NOT NULL PRIMARY KEY,
    layer_name     VARCHAR(63) NOT NULL,
    geometry_type  VARCHAR(20) NOT NULL,
    id_attribute   VARCHAR(63) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE carence_table_attribute (
    physical_table     VARCHAR(63) NOT NULL REFERENCES carence_table (physical_table) ON DELETE CASCADE,
    attribute_position INTEGER NOT NULL,
    attribute_name     VARCHAR(63) NOT NULL,
    attribute_type     VARCHAR(20) NOT NULL,
    nullable           BOOLEAN NOT NULL,
    PRIMARY KEY (physical_table, attribute_position)
);

-- Published layers: the one row readers resolve a layer name through.
CREATE TABLE carence_layer (
    layer_name     VARCHAR(63) NOT NULL PRIMARY KEY,
    physical_table VARCHAR(63) NOT NULL REFERENCES carence_table (physical_table),
    source_dataset VARCHAR(200),
    source_files   VARCHAR(4000),
    source_vintage VARCHAR(200),
    feature_count  BIGINT NOT NULL,
    committed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE SEQUENCE carence_table_seq START WITH 1;
