-- The change log: every dataset version the service has loaded, and how each differed from the
-- one before it, so GET /v1/changes?since=… answers for any version this database has seen.
-- The importer writes both tables in the same transaction as the data (a failed import records
-- nothing); they are never truncated.

CREATE TABLE dataset_versions (
    seq              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version          text        NOT NULL,
    built            date,
    loaded_at        timestamptz NOT NULL,
    previous_version text
);
CREATE INDEX dataset_versions_version ON dataset_versions (version, seq DESC);

-- One row per inspection or focused visit that differs from the previous version: added (after
-- holds the whole row), removed (before holds it) or changed (only the differing fields, in both).
-- An inspection's judgements appear as fields named judgements.<area_code>.<column>.
CREATE TABLE dataset_changes (
    seq    bigint NOT NULL REFERENCES dataset_versions (seq),
    kind   text   NOT NULL CHECK (kind IN ('inspection', 'focused_visit')),
    id     text   NOT NULL,
    change text   NOT NULL CHECK (change IN ('added', 'removed', 'changed')),
    before jsonb,
    after  jsonb,
    PRIMARY KEY (seq, kind, id)
);

-- A database loaded before the change log existed: its data is the first version recorded.
INSERT INTO dataset_versions (version, built, loaded_at)
SELECT version, built, loaded_at FROM dataset;
