-- V12, issue 24: a local carrier's stock carries the attributes a search can ask for, so the local carrier answers
-- the search vocabulary from its own columns. locality, region and rate_center hold upper-case search keys (the values
-- as imported stay in data); features holds the sorted wire names between bars, for example |sms|voice|.
-- The two indexes serve a search by locality or by region as a seek on (carrier, state, <column>) read in number
-- order; a search by area code or starts_with stays the prefix range on numbers_by_carrier_state. Runs on H2 and
-- PostgreSQL.
ALTER TABLE numbers ADD COLUMN locality VARCHAR(64);
ALTER TABLE numbers ADD COLUMN region VARCHAR(8);
ALTER TABLE numbers ADD COLUMN postal_code VARCHAR(16);
ALTER TABLE numbers ADD COLUMN rate_center VARCHAR(64);
ALTER TABLE numbers ADD COLUMN number_type VARCHAR(16);
ALTER TABLE numbers ADD COLUMN features VARCHAR(40);

CREATE INDEX numbers_by_locality ON numbers (carrier, state, locality, number);
CREATE INDEX numbers_by_region ON numbers (carrier, state, region, number);
