-- The limit for POST /api/v1/sms/send (one recipient): the fewest statements the job needs, written by hand
-- with the schema's indexes and counters — the client's status and limits in one read, then the quota, the
-- message and its recipient in one statement (the message is inserted only when both counters took it).
-- -D lo=<first id> hi=<last id>, as send.sql.
\set c random(:lo, :hi)
begin;
select c.reseller_id as rid, u.status, coalesce(s.starts_at, date_trunc('milliseconds', c.created_at)) as ps, coalesce(s.daily_limit, 20) as dl, coalesce(s.period_limit, 60) as pl from clients c join users u on u.id = c.id left join lateral (select starts_at, daily_limit, period_limit from subscriptions where client_id = c.id and starts_at <= now() and coalesce(canceled_at, ends_at) > now() order by starts_at desc limit 1) s on true where c.id = :c for key share of c \gset c_
\set mid random(1, 1000000000)
with q as (insert into usage_counters as u (client_id, kind, starts_at, used) select :c::int, k.kind, k.starts_at, 1 from (values ('day', date_trunc('day', now() at time zone 'Asia/Yangon') at time zone 'Asia/Yangon', :c_dl::int), ('period', :c_ps::timestamptz, :c_pl::int)) as k(kind, starts_at, lim) where 1 <= k.lim on conflict (client_id, kind, starts_at) do update set used = u.used + 1 where u.used + 1 <= case u.kind when 'day' then :c_dl::int else :c_pl::int end returning 1), m as (insert into messages (id, client_id, reseller_id, text, recipient_count, segments, encoding, source, valid_until, states, created_at, updated_at) select 'l' || :client_id || '-' || :mid || '-' || md5(clock_timestamp()::text), :c::int, :c_rid::int, '{{text}}', 1, 1, 'gsm7', 'api', now() + interval '1 hour', jsonb_build_object('pending', now()::text), now(), now() where (select count(*) from q) = 2 returning id, created_at) insert into message_recipients (message_id, created_at, position, phone, updated_at) select id, created_at, 0, '+95942' || lpad(:c::text, 7, '0'), now() from m;
commit;
