-- GET /api/mobile/v1/message — the device resolved by its token, then pullMessages, statement for statement
-- (the claim and its recipients in one transaction, then the reads).
-- Each transaction takes the next device of the pull pool (per-connection counter): -D it=0 nc=<connections>.
-- pgbench cannot loop over result rows, so the claimed ids travel between statements as an array (\gset of an
-- array_agg around the same UPDATE … RETURNING), and the recipients are read for that array.
\set it :it + 1
\set d 1 + :client_id + :nc * (:it - 1)
select "devices"."id", "devices"."client_id", "devices"."name", "devices"."token_hash", "devices"."push_token", "devices"."sim_cards", "devices"."enabled", "devices"."battery", "devices"."charging", "devices"."app_version", "devices"."last_seen_at", "devices"."created_at", "devices"."removed_at", "users"."status" from "devices" inner join "users" on "users"."id" = "devices"."client_id" where ("devices"."token_hash" = encode(sha256(convert_to('{{token_prefix}}' || lpad(:d::text, 5, '0'), 'UTF8')), 'hex') and "devices"."removed_at" is null) \gset dev_
begin;
with claimed as (update "messages" set state = 'processing', claimed_by = :dev_id, claimed_at = now(), updated_at = now(), states = states || jsonb_build_object('processing', now()::text) where id in (select id from "messages" where client_id = :dev_client_id and state = 'pending' and valid_until > now() and (device_id is null or device_id = :dev_id) order by created_at desc limit 100 for update skip locked) returning id) select coalesce(array_agg(id), '{}') as claimed from claimed \gset
update "message_recipients" set "state" = 'processing', "updated_at" = now() where ("message_recipients"."message_id" = any(:claimed::text[]) and "message_recipients"."state" = 'pending');
commit;
select "id", "client_id", "reseller_id", "device_id", "claimed_by", "text", "recipient_count", "segments", "encoding", "state", "source", "with_delivery_report", "sim_number", "valid_until", "counts_toward_quota", "error", "states", "created_at", "claimed_at", "updated_at" from "messages" where ("messages"."claimed_by" = :dev_id and "messages"."state" = 'processing' and not ("messages"."states" ? 'device_accepted')) order by "messages"."created_at" desc limit 100;
select "message_id", "position", "phone", "state", "error", "updated_at" from "message_recipients" where "message_recipients"."message_id" = any(:claimed::text[]);
