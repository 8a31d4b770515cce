-- Parked inbox events: a turn that crashed, hung or threw on every attempt ends
-- 'failed' (with its reason in data) instead of being replayed forever.
ALTER TABLE inbound_events DROP CONSTRAINT inbound_events_status_check;
ALTER TABLE inbound_events ADD CONSTRAINT inbound_events_status_check CHECK (status IN ('pending', 'done', 'failed'));
CREATE INDEX inbound_events_failed ON inbound_events (received_at DESC) WHERE status = 'failed';
