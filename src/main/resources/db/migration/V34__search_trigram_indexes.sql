-- Staff searches for part of a text (member search, the mail log, the club mailbox) read one trigram index each
-- instead of every row (issue 20, docs/decisions/0034). Each index is on one expression: the fields searched, in
-- lower case, joined by a newline (nothing typed into a search field holds one). The queries repeat the expression
-- exactly, or the planner does not match it to the index: MemberRepository, OutboxRepository, InboundMailbox.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- "first last first" holds both "first last" and "last first".
CREATE INDEX membership_member_search_trgm ON membership_member USING gin ((lower(
    first_name || ' ' || last_name || ' ' || first_name || E'\n' || email || E'\n' || member_number || E'\n' || town))
    gin_trgm_ops);

CREATE INDEX mail_outbox_search_trgm ON mail_outbox USING gin ((lower(recipient || E'\n' || subject)) gin_trgm_ops);

CREATE INDEX mail_inbound_search_trgm ON mail_inbound USING gin ((lower(
    coalesce(sender, '') || E'\n' || coalesce(subject, '') || E'\n' || coalesce(attachment_names, ''))) gin_trgm_ops);
