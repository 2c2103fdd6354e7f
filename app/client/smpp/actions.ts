'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/http/form-action';
import { issueSmppCredentials, updateSmppAccount } from '@/lib/services/smpp/credentials';
import { hostOf, smppEndpoint } from '@/lib/smpp/config';
import { smppIpRangesForm } from '@/lib/validation/smpp';
import { requestOrigin } from '../_lib/origin';

const endpoint = async () => smppEndpoint(hostOf(await requestOrigin()));

/** New SMPP credentials (or a new password): shown once; binds made with the old password are closed. */
export const issueSmppCredentialsAction = formAction('client', z.object({}), async ({ db, actor }) => {
  const c = await issueSmppCredentials(db, actor, await endpoint());
  revalidatePath('/client/smpp');
  return { ok: true, data: { system_id: c.system_id, password: c.password } };
});

export const updateSmppIpRangesAction = formAction('client', smppIpRangesForm, async ({ db, actor, input }) => {
  const a = await updateSmppAccount(db, actor, { allowed_ips: input.allowed_ips }, await endpoint());
  revalidatePath('/client/smpp');
  return {
    ok: true,
    message: a.allowed_ips.length ? `Binds are allowed from ${a.allowed_ips.join(', ')} only.` : 'Binds are allowed from any address.',
  };
});
