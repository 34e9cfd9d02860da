-- Answers to events are now recorded by the event service (src/core/events/event-service.ts), which
-- applies the rules of src/core/events/rules.ts in one transaction under the event's row lock: the
-- database function that duplicated those rules goes.
DROP FUNCTION IF EXISTS "cop_record_answer"(TEXT, TEXT, TEXT, TEXT, TIMESTAMPTZ, TEXT);
