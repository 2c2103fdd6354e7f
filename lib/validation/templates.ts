// Requests of templates and their preview (docs/campaigns.md). Shared by the API, the portal and OpenAPI.
import { z } from 'zod';
import { idParam, name } from './common';
import { messageText } from './messages';

export const templateInput = z.object({ name, text: messageText }).strict();
export const templateUpdateInput = templateInput.partial().strict();

export const previewInput = z
  .object({
    text: messageText.optional(),
    template_id: idParam.optional(),
    /** Render for this contact (default: the audience's first). */
    contact_id: idParam.optional(),
    /** The audience the longest result is looked for in (default: all the client's contacts). */
    group_id: idParam.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.text === undefined) === (v.template_id === undefined))
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'Give text or template_id.' });
  });
