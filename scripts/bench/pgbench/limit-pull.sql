-- The limit for GET /api/mobile/v1/message (device pull): the device by its token, then one statement that
-- claims the pending SMS (FOR UPDATE SKIP LOCKED), moves their recipients and returns both. -D as pull.sql.
-- The time and the limits are bound parameters, as the service sends them (the time read with the device,
-- now()::text as now; -D lim=100): PostgreSQL then plans the claim as it plans ours, generically after five runs
-- on a connection. With the limit written in, every run is planned for it and, on statistics that see few pending
-- messages, scans every pending message by valid_until (9-20 ms a claim here, against ~1 ms: pgbench of this
-- pull ran at 142 to 1,186 per second from run to run, while the servers sending the same claim did not move).
-- One statement is its own transaction: no begin/commit around it (two more round trips the job does not need).
\set it :it + 1
\set d 1 + :client_id + :nc * (:it - 1)
select d.id, d.client_id, d.enabled, u.status, now()::text as now from devices d join users u on u.id = d.client_id where d.token_hash = encode(sha256(convert_to('{{token_prefix}}' || lpad(:d::text, 5, '0'), 'UTF8')), 'hex') and d.removed_at is null \gset dev_
with c as (update messages set state = 'processing', claimed_by = :dev_id, claimed_at = :dev_now::timestamptz, updated_at = :dev_now::timestamptz, states = states || jsonb_build_object('processing', :dev_now::text) where (id, created_at) in (select id, created_at from messages where client_id = :dev_client_id and state = 'pending' and valid_until + interval '0 seconds' > :dev_now::timestamptz and (device_id is null or device_id = :dev_id) order by created_at desc limit :lim for update skip locked) returning *), r as (update message_recipients mr set state = 'processing', updated_at = :dev_now::timestamptz from c where mr.message_id = c.id and mr.created_at = c.created_at and mr.state = 'pending' returning mr.message_id, mr.position, mr.phone, mr.state) select c.id, c.text, c.sim_number, c.valid_until, c.states, (select json_agg(json_build_object('phone', r.phone, 'position', r.position)) from r where r.message_id = c.id) as recipients from c;
