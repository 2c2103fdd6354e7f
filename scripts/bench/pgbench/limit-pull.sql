-- The limit for GET /api/mobile/v1/message (device pull): the device by its token, then one statement that
-- claims the pending SMS (FOR UPDATE SKIP LOCKED), moves their recipients and returns both. -D as pull.sql.
\set it :it + 1
\set d 1 + :client_id + :nc * (:it - 1)
select d.id, d.client_id, d.enabled, u.status from devices d join users u on u.id = d.client_id where d.token_hash = encode(sha256(convert_to('{{token_prefix}}' || lpad(:d::text, 5, '0'), 'UTF8')), 'hex') and d.removed_at is null \gset dev_
begin;
with c as (update messages set state = 'processing', claimed_by = :dev_id, claimed_at = now(), updated_at = now(), states = states || jsonb_build_object('processing', now()::text) where (id, created_at) in (select id, created_at from messages where client_id = :dev_client_id and state = 'pending' and valid_until > now() and (device_id is null or device_id = :dev_id) order by created_at desc limit 100 for update skip locked) returning *), r as (update message_recipients mr set state = 'processing', updated_at = now() from c where mr.message_id = c.id and mr.created_at = c.created_at and mr.state = 'pending' returning mr.message_id, mr.position, mr.phone, mr.state) select c.id, c.text, c.sim_number, c.valid_until, c.states, (select json_agg(json_build_object('phone', r.phone, 'position', r.position)) from r where r.message_id = c.id) as recipients from c;
commit;
