-- The reference dataset: councils, frameworks, inspections and their judgements, focused visits.
-- Tables mirror the files in seed-data/ (see seed-data/FORMAT.md); the importer replaces their
-- contents in one transaction, so nothing else writes here.

CREATE TABLE regions (
    code text PRIMARY KEY,
    name text NOT NULL,
    slug text NOT NULL UNIQUE
);

CREATE TABLE councils (
    code         text PRIMARY KEY,
    la_code      text,
    ofsted_urn   text,
    name         text NOT NULL,
    slug         text NOT NULL UNIQUE,
    type         text NOT NULL CHECK (type IN ('county', 'unitary', 'metropolitan_district', 'london_borough')),
    region_code  text NOT NULL REFERENCES regions (code),
    opened       date,
    closed       date,
    former_codes text[] NOT NULL DEFAULT '{}',
    CHECK (closed IS NULL OR opened IS NULL OR closed >= opened)
);
CREATE INDEX councils_region ON councils (region_code);
CREATE INDEX councils_la_code ON councils (la_code);
CREATE INDEX councils_former_codes ON councils USING gin (former_codes);

CREATE TABLE council_successions (
    predecessor_code text NOT NULL REFERENCES councils (code),
    successor_code   text NOT NULL REFERENCES councils (code),
    date             date NOT NULL,
    PRIMARY KEY (predecessor_code, successor_code)
);
CREATE INDEX council_successions_successor ON council_successions (successor_code);

CREATE TABLE statistical_neighbours (
    council_code   text NOT NULL REFERENCES councils (code),
    rank           int  NOT NULL,
    neighbour_code text NOT NULL REFERENCES councils (code),
    PRIMARY KEY (council_code, rank)
);

CREATE TABLE grades (
    code  text PRIMARY KEY,
    label text NOT NULL,
    rank  int  NOT NULL
);

CREATE TABLE frameworks (
    slug        text PRIMARY KEY,
    name        text NOT NULL,
    description text
);

CREATE TABLE framework_versions (
    slug           text PRIMARY KEY,
    framework      text NOT NULL REFERENCES frameworks (slug),
    name           text NOT NULL,
    effective_from date NOT NULL,
    effective_to   date,
    grade_scale    text[] NOT NULL,
    source_url     text,
    notes          text
);

CREATE TABLE judgement_areas (
    code        text PRIMARY KEY,
    name        text NOT NULL,
    family      text NOT NULL,
    description text
);

CREATE TABLE framework_version_areas (
    framework_version text NOT NULL REFERENCES framework_versions (slug),
    area_code         text NOT NULL REFERENCES judgement_areas (code),
    display_order     int  NOT NULL,
    parent_area_code  text REFERENCES judgement_areas (code),
    PRIMARY KEY (framework_version, area_code)
);

CREATE TABLE inspections (
    id                  text PRIMARY KEY,
    council_code        text NOT NULL REFERENCES councils (code),
    framework_version   text NOT NULL REFERENCES framework_versions (slug),
    type                text NOT NULL,
    start_date          date,
    end_date            date,
    published           date NOT NULL,
    published_precision text NOT NULL DEFAULT 'day' CHECK (published_precision IN ('day', 'month', 'year')),
    lead_inspector      text,
    report_url          text,
    source_kind         text NOT NULL CHECK (source_kind IN ('report', 'override', 'news')),
    source              text NOT NULL,
    notes               text,
    CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX inspections_council_published ON inspections (council_code, published DESC, id);
CREATE INDEX inspections_published ON inspections (published DESC, id);

CREATE TABLE judgements (
    inspection_id text NOT NULL REFERENCES inspections (id),
    area_code     text NOT NULL REFERENCES judgement_areas (code),
    grade         text REFERENCES grades (code),
    note          text,
    PRIMARY KEY (inspection_id, area_code),
    CHECK (grade IS NOT NULL OR note IS NOT NULL)
);
CREATE INDEX judgements_area_grade ON judgements (area_code, grade);

CREATE TABLE focused_visits (
    id              text PRIMARY KEY,
    council_code    text NOT NULL REFERENCES councils (code),
    letter_date     date NOT NULL,
    visit_start     date,
    visit_end       date,
    inspectors      text[] NOT NULL DEFAULT '{}',
    focus           text NOT NULL,
    priority_action boolean NOT NULL,
    report_url      text,
    source          text NOT NULL,
    CHECK (visit_end IS NULL OR visit_start IS NULL OR visit_end >= visit_start)
);
CREATE INDEX focused_visits_council ON focused_visits (council_code, letter_date DESC);
CREATE INDEX focused_visits_letter_date ON focused_visits (letter_date DESC, id);

-- One row: what is loaded. version is a hash of the seed files, so it changes exactly when the
-- data does; the API derives ETags and cache keys from it.
CREATE TABLE dataset (
    singleton   boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version     text        NOT NULL,
    built       date,
    loaded_at   timestamptz NOT NULL,
    files       jsonb       NOT NULL,
    counts      jsonb       NOT NULL
);
