// The baseline's activation: the same transaction as lib/services (locks, subscription, balance, ledger, audit).
import { DAY_MS, httpError, q, SUB_COLUMNS } from './baseline-sql.mjs';

export function activation(sql, getClient) {
  async function activatePackage(resellerId, clientId, packageType, now = new Date()) {
    const [c] = await q(sql, `select "reseller_id" from "clients" where ("clients"."id" = $1 and "clients"."reseller_id" = $2)`, [
      clientId,
      resellerId,
    ]);
    if (!c) throw httpError(404, 'not_found', 'Client not found.');
    const result = await sql.begin(async (tx) => {
      const [reseller] = await q(
        tx,
        `select "id", "partner_type", "phone", "website", "contact_name", "contact_email", "contact_phone", "subdomain", "commission_rate_bp", "api_rate_limit", "credit_balance", "commission_balance", "brand_name", "brand_color", "logo_data", "logo_type", "logo_updated_at", "support_email", "support_phone", "created_at", "archived_at" from "resellers" where "resellers"."id" = $1 for update`,
        [resellerId],
      );
      if (!reseller || reseller.archived_at) throw httpError(404, 'not_found', 'Client not found.');
      const [client] = await q(
        tx,
        `select "id", "reseller_id", "phone", "account_name", "username", "country", "time_zone", "trial_ends_at", "credit_balance", "auto_renew", "created_at" from "clients" where ("clients"."id" = $1 and "clients"."reseller_id" = $2) for update`,
        [clientId, resellerId],
      );
      if (!client) throw httpError(404, 'not_found', 'Client not found.');
      const [pkg] = await q(
        tx,
        `select "id", "code", "name", "price", "daily_limit", "period_limit", "device_limit", "period_days", "active", "sort_order", "created_at", "updated_at" from "packages" where "packages"."code" = $1`,
        [packageType],
      );
      if (!pkg?.active) throw httpError(400, 'validation_failed', `Unknown or unavailable package_type "${packageType}".`);
      const live = await q(
        tx,
        `select ${SUB_COLUMNS} from "subscriptions" where ("subscriptions"."client_id" = $1 and "subscriptions"."canceled_at" is null and "subscriptions"."ends_at" > $2) order by "subscriptions"."starts_at" asc`,
        [clientId, now],
      );
      const price = Number(pkg.price);
      const period = pkg.period_days * DAY_MS;
      // The bench activates clients with no live subscription (a "new" period) or renews the same package.
      const chainEnd = live.length ? new Date(Math.max(...live.map((s) => s.ends_at.getTime()))) : now;
      const kind = live.length ? 'renewal' : 'new';
      if (live.some((s) => s.package_code !== pkg.code)) throw httpError(501, 'not_implemented', 'The baseline does not switch packages.');
      const balance = Number(reseller.credit_balance);
      if (balance < price) throw httpError(402, 'insufficient_credit', `Not enough credit: ${pkg.name} needs ${price} MMK.`);
      let retail = price;
      if (reseller.partner_type === 'own_plans') {
        const [p] = await q(
          tx,
          `select "retail_price" from "reseller_prices" where ("reseller_prices"."reseller_id" = $1 and "reseller_prices"."package_id" = $2)`,
          [resellerId, pkg.id],
        );
        retail = p ? Number(p.retail_price) : price;
      }
      const startsAt = chainEnd;
      const endsAt = new Date(chainEnd.getTime() + period);
      const [sub] = await q(
        tx,
        `insert into "subscriptions" ("id", "client_id", "reseller_id", "package_id", "package_code", "package_name", "price", "retail_price", "daily_limit", "period_limit", "device_limit", "period_days", "kind", "paid_by", "starts_at", "ends_at", "canceled_at", "refund_amount", "created_by", "created_at") values (default, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, default, default, $16, $17) returning ${SUB_COLUMNS}`,
        [
          clientId,
          resellerId,
          pkg.id,
          pkg.code,
          pkg.name,
          price,
          retail,
          pkg.daily_limit,
          pkg.period_limit,
          pkg.device_limit,
          pkg.period_days,
          kind,
          'reseller',
          startsAt,
          endsAt,
          resellerId,
          now,
        ],
      );
      const moved = await q(
        tx,
        `update "resellers" set "credit_balance" = "resellers"."credit_balance" + $1 where ("resellers"."id" = $2 and "resellers"."credit_balance" + $3 >= $4) returning "credit_balance"`,
        [-price, resellerId, -price, 0],
      );
      if (!moved.length) throw httpError(402, 'insufficient_credit', 'Not enough credit for this.');
      const balanceAfter = Number(moved[0].credit_balance);
      await q(
        tx,
        `insert into "ledger_entries" ("id", "account", "account_id", "reseller_id", "kind", "amount", "balance_after", "method", "reference", "note", "actor_id", "client_id", "subscription_id", "topup_request_id", "created_at") values (default, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, default) returning "id", "account", "account_id", "reseller_id", "kind", "amount", "balance_after", "method", "reference", "note", "actor_id", "client_id", "subscription_id", "topup_request_id", "created_at"`,
        [
          'reseller_credit',
          resellerId,
          resellerId,
          'activation',
          -price,
          balanceAfter,
          null,
          pkg.code,
          `${pkg.name} (${kind})`,
          resellerId,
          clientId,
          sub.id,
          null,
        ],
      );
      if (reseller.partner_type === 'commission') throw httpError(501, 'not_implemented', 'The baseline does not accrue commission.');
      await q(
        tx,
        `insert into "audit_log" ("id", "actor_id", "actor_role", "action", "target_type", "target_id", "before", "after", "ip", "created_at") values (default, $1, $2, $3, $4, $5, $6, $7, $8, default)`,
        [
          resellerId,
          'reseller',
          'client.activate_package',
          'client',
          String(clientId),
          null,
          // postgres.js serialises a jsonb parameter itself (JSON.stringify), as Drizzle does before it.
          { subscription_id: sub.id, package_type: pkg.code, kind, price, refund: 0, credit_balance: balanceAfter, paid_by: 'reseller' },
          '127.0.0.1',
        ],
      );
      // The answer is read inside the transaction, as the service does (nothing runs after COMMIT).
      return { sub, kind, balance: balanceAfter, client: await getClient(tx, resellerId, clientId, now) };
    });
    const s = result.sub;
    return {
      subscription: {
        id: s.id,
        package_type: s.package_code,
        name: s.package_name,
        price: Number(s.price),
        kind: s.kind,
        daily_limit: s.daily_limit,
        period_limit: s.period_limit,
        device_limit: s.device_limit,
        starts_at: s.starts_at.toISOString(),
        ends_at: s.ends_at.toISOString(),
        canceled_at: s.canceled_at?.toISOString() ?? null,
        refund_amount: Number(s.refund_amount),
      },
      kind: result.kind,
      refund: 0,
      credit_balance: result.balance,
      client: result.client,
    };
  }

  return { activatePackage };
}
