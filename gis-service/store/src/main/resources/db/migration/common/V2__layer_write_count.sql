-- Counts every write to a layer (publication or in-place partition write). A copy-on-write
-- partition write, or a multi-layer transaction, publishes only if the layer's count is still
-- the one it copied from: PostGIS in-place partition writes keep the physical table, so the
-- table name alone cannot tell that another write happened meanwhile.
ALTER TABLE carence_layer ADD COLUMN write_count BIGINT DEFAULT 0 NOT NULL;
