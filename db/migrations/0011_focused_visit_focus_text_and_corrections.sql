-- Focused visits (issue #26, items 8 and 9): the letter's own statement of what the visit looked at,
-- beside the short topic in our words (focus); and, where a date is read otherwise than printed
-- because the letter's text is a typing slip, which field (corrected), the letter's words as printed
-- and the reason. All three of corrected, printed and correction_reason are set, or none.
ALTER TABLE focused_visits
    ADD COLUMN focus_text        text,
    ADD COLUMN corrected         text CHECK (corrected IN ('letter_date', 'visit_start')),
    ADD COLUMN printed           text,
    ADD COLUMN correction_reason text,
    ADD CONSTRAINT focused_visits_correction_whole
        CHECK ((corrected IS NULL) = (printed IS NULL) AND (corrected IS NULL) = (correction_reason IS NULL));
