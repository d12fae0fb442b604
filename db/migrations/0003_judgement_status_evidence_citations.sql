-- Issue #11: data that says exactly what the reports say.

-- A council listed from the first day of DfE's list (2009-01-01) opened on a day we do not know:
-- opened is null and opened_note says so.
ALTER TABLE councils ADD COLUMN opened_note text;

-- A former council's judgement known only because a later report states it.
ALTER TABLE inspections DROP CONSTRAINT inspections_source_kind_check;
ALTER TABLE inspections ADD CONSTRAINT inspections_source_kind_check
    CHECK (source_kind IN ('report', 'override', 'news', 'cited'));

-- The day from which the statistics count a judgement: its publication day, or for a date known
-- only to the month or year ("judged inadequate in 2019") the last day of that month or year, the
-- first day by which the source says it had been made.
ALTER TABLE inspections ADD COLUMN counts_from date GENERATED ALWAYS AS (
    CASE published_precision
        WHEN 'month' THEN (date_trunc('month', published::timestamp) + interval '1 month' - interval '1 day')::date
        WHEN 'year' THEN (date_trunc('year', published::timestamp) + interval '1 year' - interval '1 day')::date
        ELSE published
    END) STORED;
CREATE INDEX inspections_council_counts_from ON inspections (council_code, counts_from DESC, id DESC) WHERE full_inspection;

-- Why a judgement has no grade: the report says the area was not judged (not_judged), the report
-- did not cover it (not_covered), or it was judged but the source does not give the grade (unknown).
ALTER TABLE judgements ADD COLUMN status text CHECK (status IN ('graded', 'not_judged', 'not_covered', 'unknown'));
UPDATE judgements SET status = CASE
    WHEN grade IS NOT NULL THEN 'graded'
    WHEN note LIKE 'not judged%' THEN 'not_judged'
    WHEN note LIKE 'not graded%' THEN 'not_covered'
    ELSE 'unknown' END;
ALTER TABLE judgements ALTER COLUMN status SET NOT NULL;
ALTER TABLE judgements ADD CONSTRAINT judgements_status_grade CHECK ((status = 'graded') = (grade IS NOT NULL));
-- A row written without a status (the importer always gives one) is graded or unknown by its grade.
CREATE FUNCTION judgements_default_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status IS NULL THEN
        NEW.status := CASE WHEN NEW.grade IS NULL THEN 'unknown' ELSE 'graded' END;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER judgements_default_status BEFORE INSERT OR UPDATE ON judgements
    FOR EACH ROW EXECUTE FUNCTION judgements_default_status();
-- The report's words that state the judgement, and where they are.
ALTER TABLE judgements ADD COLUMN evidence text;
ALTER TABLE judgements ADD COLUMN evidence_document text;
ALTER TABLE judgements ADD COLUMN evidence_line int;

-- Cambridgeshire's 2025 letter is undated: its letter_date is the publication date.
ALTER TABLE focused_visits ADD COLUMN letter_date_source text NOT NULL DEFAULT 'letter'
    CHECK (letter_date_source IN ('letter', 'publication'));
ALTER TABLE focused_visits ADD COLUMN priority_action_kind text
    CHECK (priority_action_kind IN ('none', 'new', 'carried_over', 'new_and_carried_over'));
UPDATE focused_visits SET priority_action_kind = CASE WHEN priority_action THEN 'new' ELSE 'none' END;
ALTER TABLE focused_visits ALTER COLUMN priority_action_kind SET NOT NULL;
ALTER TABLE focused_visits ADD CONSTRAINT focused_visits_priority_kind CHECK (priority_action = (priority_action_kind <> 'none'));
-- A row written without a kind (the importer always gives one) is new or none by priority_action.
CREATE FUNCTION focused_visits_default_priority_kind() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.priority_action_kind IS NULL THEN
        NEW.priority_action_kind := CASE WHEN NEW.priority_action THEN 'new' ELSE 'none' END;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER focused_visits_default_priority_kind BEFORE INSERT OR UPDATE ON focused_visits
    FOR EACH ROW EXECUTE FUNCTION focused_visits_default_priority_kind();

-- The areas for priority action a letter sets, as Ofsted worded them (Open Government Licence).
CREATE TABLE focused_visit_priority_actions (
    focused_visit_id text NOT NULL REFERENCES focused_visits (id),
    position         int  NOT NULL,
    text             text NOT NULL,
    source_line      int,
    PRIMARY KEY (focused_visit_id, position)
);
