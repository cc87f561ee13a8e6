-- Who loaded a layer's current version (an administrator's login for an upload, cli:<user> for
-- the command line): the provenance administrators see in /api/couches. Null for computed layers.
ALTER TABLE carence_layer ADD COLUMN source_loaded_by VARCHAR(200);
