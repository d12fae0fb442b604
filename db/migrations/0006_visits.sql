-- Monitoring visits and joint targeted area inspections (JTAI): kinds of visit to a council besides
-- focused visits (which keep their own table and /v1/focused-visits contract). None is graded.
-- A monitoring visit follows an inadequate judgement until the council is reinspected; a JTAI
-- inspects the local partnership (council, health, police, probation) on one theme.
CREATE TABLE visits (
    id           text PRIMARY KEY,
    council_code text NOT NULL REFERENCES councils (code),
    kind         text NOT NULL CHECK (kind IN ('monitoring_visit', 'jtai')),
    letter_date  date NOT NULL,
    visit_start  date,
    visit_end    date,
    inspectors   text[] NOT NULL DEFAULT '{}',
    theme        text,
    report_url   text,
    source       text NOT NULL,
    CHECK (visit_end IS NULL OR visit_start IS NULL OR visit_end >= visit_start)
);
CREATE INDEX visits_council ON visits (council_code, letter_date DESC);
CREATE INDEX visits_letter_date ON visits (letter_date DESC, id);
