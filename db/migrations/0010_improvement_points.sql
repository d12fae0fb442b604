-- What each report says the council must improve (issue #26): one row a point, in Ofsted's words,
-- from an inspection report (ILACS "What needs to improve?", SIF recommendations) or a focused-visit
-- letter, never both. Since January 2025 Ofsted tags each ILACS point to an outcome or enabler of the
-- DfE's Children's Social Care National Framework: framework_tag is that code, framework_tag_text
-- the footnote as printed. Areas for priority action stay in focused_visit_priority_actions.
-- Themes: one a point, given by keyword rules applied in rule_order (first match wins), or "other";
-- the builder publishes each rule, and a person's corrections are in seed-data/overrides.
CREATE TABLE improvement_themes (
    code       text    PRIMARY KEY,
    name       text    NOT NULL,
    rule_order integer NOT NULL UNIQUE,
    rule       text
);

CREATE TABLE national_framework_tags (
    code       text    PRIMARY KEY,
    kind       text    NOT NULL CHECK (kind IN ('outcome', 'enabler')),
    number     integer NOT NULL CHECK (number > 0),
    name       text    NOT NULL,
    source_url text,
    UNIQUE (kind, number)
);

-- Keyed by the report's file (inspections/<file> or focused-visits/<file>) and the point's place in it.
CREATE TABLE improvement_points (
    inspection_id      text    REFERENCES inspections (id),
    focused_visit_id   text    REFERENCES focused_visits (id),
    council_code       text    NOT NULL REFERENCES councils (code),
    position           integer NOT NULL CHECK (position > 0),
    text               text    NOT NULL,
    list_heading       text,
    area_heading       text,
    framework_tag      text    REFERENCES national_framework_tags (code),
    framework_tag_text text,
    theme              text    NOT NULL REFERENCES improvement_themes (code),
    source             text    NOT NULL,
    line_from          integer NOT NULL CHECK (line_from > 0),
    line_to            integer NOT NULL,
    CHECK ((inspection_id IS NULL) <> (focused_visit_id IS NULL)),
    CHECK (line_to >= line_from),
    -- A tag is read from a footnote, so there is no tag without one.
    CHECK (framework_tag IS NULL OR framework_tag_text IS NOT NULL),
    PRIMARY KEY (source, position),
    UNIQUE (inspection_id, position),
    UNIQUE (focused_visit_id, position)
);
CREATE INDEX improvement_points_council ON improvement_points (council_code);
CREATE INDEX improvement_points_theme ON improvement_points (theme);
CREATE INDEX improvement_points_tag ON improvement_points (framework_tag) WHERE framework_tag IS NOT NULL;
