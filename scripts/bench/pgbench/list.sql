-- GET /api/reseller/clients?page=N or ?search=… — listClients + toViews, statement for statement (one per line).
-- run.mjs writes one copy per page or search term ({{…}} filled in: the page's client ids, its resellers and the
-- period starts, which the service computes between statements) and pgbench picks one copy at random per
-- transaction. :rid is the reseller (-D). The count joins the users only for a search ({{count_join}}).
select "clients"."id", "clients"."reseller_id", "users"."name", "users"."email", "users"."status", "clients"."phone", "clients"."account_name", "clients"."country", "clients"."time_zone", "clients"."trial_ends_at", "clients"."credit_balance", "clients"."auto_renew", "clients"."created_at" from "clients" inner join "users" on "users"."id" = "clients"."id" where {{where}} order by "clients"."created_at" desc, "clients"."id" desc limit 20{{offset}};
select count(*) from "clients"{{count_join}} where {{where}};
-- toViews (run.mjs leaves out this line and all below it for an empty page: the service reads nothing more then)
select "id", "client_id", "reseller_id", "package_id", "package_code", "package_name", "price", "retail_price", "daily_limit", "period_limit", "device_limit", "period_days", "kind", "paid_by", "starts_at", "ends_at", "canceled_at", "refund_amount", "created_by", "created_at" from "subscriptions" where ("subscriptions"."client_id" in ({{ids}}) and "subscriptions"."starts_at" <= now() and coalesce("subscriptions"."canceled_at", "subscriptions"."ends_at") > now()::timestamptz) order by "subscriptions"."starts_at" asc;
select "key", "value", "updated_at" from "settings";
select "id", "name" from "users" where "users"."id" in ({{reseller_ids}});
select "client_id", max("ends_at") from "subscriptions" where ("subscriptions"."client_id" in ({{ids}}) and "subscriptions"."canceled_at" is null) group by "subscriptions"."client_id";
select u.client_id as id, u.kind, u.used from unnest('{{id_array}}'::int[], '{{start_array}}'::timestamptz[]) as p(id, start) join "usage_counters" u on u.client_id = p.id and ((u.kind = 'day' and u.starts_at = (date_trunc('day', now()::timestamptz at time zone 'Asia/Yangon') at time zone 'Asia/Yangon')) or (u.kind = 'period' and u.starts_at = p.start));
