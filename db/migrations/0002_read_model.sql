-- What the read API needs beyond the seed files, derived once at import rather than per request.

-- Council names folded for search (lower case, accents stripped, '&' as 'and'); the importer
-- fills it with the same folding the API applies to the `q` parameter.
ALTER TABLE councils ADD COLUMN search_name text NOT NULL DEFAULT '';

-- A "full" inspection is a graded inspection of the council's services; an LSCB-only review
-- grades the safeguarding board, not the council, so it never heads a council's record.
ALTER TABLE inspections ADD COLUMN full_inspection boolean GENERATED ALWAYS AS (type <> 'lscb_review') STORED;

CREATE INDEX inspections_council_full ON inspections (council_code, published DESC, id DESC) WHERE full_inspection;
CREATE INDEX inspections_framework_version ON inspections (framework_version, published DESC);
CREATE INDEX judgements_grade ON judgements (grade, inspection_id);

-- Each council's latest full inspection (its "headline"), recomputed by every import.
CREATE TABLE council_latest_inspection (
    council_code  text PRIMARY KEY REFERENCES councils (code),
    inspection_id text NOT NULL REFERENCES inspections (id)
);
CREATE INDEX council_latest_inspection_inspection ON council_latest_inspection (inspection_id);
