-- Events recorded after a dossier reached a final status (3, 7, 10) are kept but
-- never applied: the event rows say so, like the record's history.
ALTER TABLE dossier_events ADD COLUMN after_final boolean NOT NULL DEFAULT false;
