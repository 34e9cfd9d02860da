-- Records a member's answer to an event in one round trip, for the RSVP buttons: the event's row is
-- locked first, and every later statement of a VOLATILE function takes a fresh snapshot, so the
-- places are counted after every answer committed before the lock. The lock is held only while this
-- runs inside the server, not across round trips from the bot. Returns the outcome (unknown,
-- cancelled, past, not-member, unchanged, recorded, or frees-place: an answer that gives up a place
-- or a place in the queue, left to the bot's transaction, which promotes the next and tells them,
-- without any change here), the status recorded and the place in the waitlist.
CREATE FUNCTION "cop_record_answer"(p_id TEXT, p_event TEXT, p_member TEXT, p_answer TEXT, p_now TIMESTAMPTZ, p_post_key TEXT)
  RETURNS TABLE (answer_outcome TEXT, answer_status TEXT, answer_position INTEGER, event_title TEXT, event_starts TIMESTAMPTZ, event_ends TIMESTAMPTZ)
  LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
  ev RECORD;
  current_status TEXT;
  current_order INTEGER;
  new_status TEXT;
  new_order INTEGER;
  taken INTEGER;
  outcome TEXT := 'recorded';
BEGIN
  SELECT e.status::TEXT AS status, e."startsAt", e."endsAt", e.capacity, e.title INTO ev FROM "Event" e WHERE e.id = p_event FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'unknown'::TEXT, NULL::TEXT, NULL::INTEGER, NULL::TEXT, NULL::TIMESTAMPTZ, NULL::TIMESTAMPTZ;
    RETURN;
  END IF;
  IF ev.status = 'cancelled' THEN
    outcome := 'cancelled';
  ELSIF ev."startsAt" <= p_now THEN
    outcome := 'past';
  ELSIF NOT EXISTS (SELECT 1 FROM "Member" m WHERE m.id = p_member AND m.status = 'active') THEN
    outcome := 'not-member';
  END IF;
  IF outcome <> 'recorded' THEN
    RETURN QUERY SELECT outcome, NULL::TEXT, NULL::INTEGER, ev.title, ev."startsAt", ev."endsAt";
    RETURN;
  END IF;

  SELECT r.status::TEXT, r."waitlistOrder" INTO current_status, current_order FROM "Rsvp" r WHERE r."eventId" = p_event AND r."memberId" = p_member;
  IF p_answer = 'going' AND current_status IN ('going', 'waitlisted') THEN
    -- Going already, or in the queue for a place: a second click changes nothing.
    outcome := 'unchanged';
    new_status := current_status;
    new_order := current_order;
  ELSIF p_answer = 'going' THEN
    -- Places taken: those going, and places offered from the waitlist that are still held.
    SELECT count(*) INTO taken FROM "Rsvp" r
      WHERE r."eventId" = p_event AND (r.status = 'going' OR (r.status = 'waitlisted' AND r."offerExpiresAt" > p_now));
    IF ev.capacity IS NOT NULL AND taken >= ev.capacity THEN
      new_status := 'waitlisted';
      SELECT coalesce(max(r."waitlistOrder"), 0) + 1 INTO new_order FROM "Rsvp" r WHERE r."eventId" = p_event;
    ELSE
      new_status := 'going';
    END IF;
  ELSIF current_status = p_answer THEN
    outcome := 'unchanged';
    new_status := current_status;
  ELSIF current_status IN ('going', 'waitlisted') THEN
    RETURN QUERY SELECT 'frees-place'::TEXT, current_status, NULL::INTEGER, ev.title, ev."startsAt", ev."endsAt";
    RETURN;
  ELSE
    new_status := p_answer;
  END IF;

  IF outcome = 'recorded' THEN
    INSERT INTO "Rsvp" (id, "eventId", "memberId", status, "waitlistOrder", "respondedAt", "updatedAt")
      VALUES (p_id, p_event, p_member, new_status::"RsvpStatus", new_order, p_now, p_now)
      ON CONFLICT ("eventId", "memberId") DO UPDATE
        SET status = EXCLUDED.status, "waitlistOrder" = EXCLUDED."waitlistOrder", "offerExpiresAt" = NULL,
            "respondedAt" = EXCLUDED."respondedAt", "updatedAt" = EXCLUDED."updatedAt";
    -- The announcement is re-rendered by the outbox (as markForRefresh does).
    UPDATE "PostedMessage" p SET "dirtyAt" = now(), refreshes = p.refreshes + 1 WHERE p."postKey" = p_post_key;
  END IF;
  RETURN QUERY SELECT outcome, new_status,
    CASE WHEN new_status = 'waitlisted' THEN
      (SELECT count(*)::INTEGER FROM "Rsvp" r WHERE r."eventId" = p_event AND r.status = 'waitlisted' AND r."waitlistOrder" <= new_order)
    END,
    ev.title, ev."startsAt", ev."endsAt";
END
$$;
