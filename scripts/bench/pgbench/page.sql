-- GET /reseller/clients (server render): the layout's and the page's statements, one per line — the session
-- re-read twice (layout and page), the header's credit balance (by primary key), listClients + toViews, and
-- the price list. run.mjs writes one copy per page ({{…}} filled in
-- as in list.sql); :rid is the reseller (-D).
select "id", "role", "email", "name", "password_hash", "status", "session_version", "last_login_at", "created_at", "updated_at" from "users" where "users"."id" = :rid;
select "id", "role", "email", "name", "password_hash", "status", "session_version", "last_login_at", "created_at", "updated_at" from "users" where "users"."id" = :rid;
select "credit_balance" from "resellers" where "resellers"."id" = :rid;
select "clients"."id", "clients"."reseller_id", "users"."name", "users"."email", "users"."status", "clients"."phone", "clients"."account_name", "clients"."country", "clients"."time_zone", "clients"."trial_ends_at", "clients"."credit_balance", "clients"."auto_renew", "clients"."created_at" from "clients" inner join "users" on "users"."id" = "clients"."id" where "clients"."reseller_id" = :rid order by "clients"."created_at" desc, "clients"."id" desc limit 20{{offset}};
select count(*) from "clients" where "clients"."reseller_id" = :rid;
select "partner_type", "commission_rate_bp" from "resellers" where "resellers"."id" = :rid;
select "packages"."id", "packages"."code", "packages"."name", "packages"."price", "packages"."daily_limit", "packages"."period_limit", "packages"."device_limit", "packages"."period_days", "packages"."active", "packages"."sort_order", "packages"."created_at", "packages"."updated_at", "reseller_prices"."retail_price", "reseller_prices"."display_name" from "packages" left join "reseller_prices" on ("reseller_prices"."package_id" = "packages"."id" and "reseller_prices"."reseller_id" = :rid) where "packages"."active" = true order by "packages"."sort_order" asc, "packages"."id" asc;
-- toViews (run.mjs leaves out this line and all below it for an empty page: the service reads nothing more then)
select "id", "client_id", "reseller_id", "package_id", "package_code", "package_name", "price", "retail_price", "daily_limit", "period_limit", "device_limit", "period_days", "kind", "paid_by", "starts_at", "ends_at", "canceled_at", "refund_amount", "created_by", "created_at" from "subscriptions" where ("subscriptions"."client_id" in ({{ids}}) and "subscriptions"."starts_at" <= now() and coalesce("subscriptions"."canceled_at", "subscriptions"."ends_at") > now()::timestamptz) order by "subscriptions"."starts_at" asc;
select "key", "value", "updated_at" from "settings";
select "id", "name" from "users" where "users"."id" in ({{reseller_ids}});
select "client_id", max("ends_at") from "subscriptions" where ("subscriptions"."client_id" in ({{ids}}) and "subscriptions"."canceled_at" is null) group by "subscriptions"."client_id";
select u.client_id as id, u.kind, u.used from unnest('{{id_array}}'::int[], '{{start_array}}'::timestamptz[]) as p(id, start) join "usage_counters" u on u.client_id = p.id and ((u.kind = 'day' and u.starts_at = (date_trunc('day', now()::timestamptz at time zone 'Asia/Yangon') at time zone 'Asia/Yangon')) or (u.kind = 'period' and u.starts_at = p.start));
