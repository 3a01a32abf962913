-- A message id is chosen by its sender, so it is unique per sender, not across all of them: two
-- systems may both send "m-1". The key becomes (sender, id); existing rows are kept. The case a
-- message was aimed at is kept too, so a resend can be told apart from a different message.

-- Every row written by the API has a sender; a row without one (none expected) is kept under a
-- sender no API key can be.
UPDATE messages SET sent_by = 'unknown-sender' WHERE sent_by IS NULL;
ALTER TABLE messages ALTER COLUMN sent_by SET NOT NULL;
ALTER TABLE messages DROP CONSTRAINT messages_pkey;
ALTER TABLE messages ADD PRIMARY KEY (sent_by, id);
ALTER TABLE messages ADD COLUMN target_case_id text;
-- Leads read messages by the cases they reached.
CREATE INDEX messages_case_ids ON messages USING gin (case_ids);
