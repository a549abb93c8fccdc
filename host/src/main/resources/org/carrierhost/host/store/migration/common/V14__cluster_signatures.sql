-- The armored detached OpenPGP signature uploaded with a zip, kept beside it so that every host of the cluster
-- judges the zip against its own trust policy (null: uploaded unsigned).
ALTER TABLE cluster_plugins ADD COLUMN signature VARCHAR(20000);

-- Why a host's trust policy refused the zip last judged for a carrier (null: not refused), for /api/cluster.
ALTER TABLE node_carriers ADD COLUMN refused VARCHAR(1000);
