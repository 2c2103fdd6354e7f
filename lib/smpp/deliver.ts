// deliver_sm bodies for the outbox's rows: a delivery receipt (esm_class 0x04, the standard text, and the
// receipted_message_id and message_state options) or an inbound SMS (esm_class 0).
import type { OutboxPayload } from '@/lib/services/smpp/outbox';
import { encodeText, userDataFields } from './text';
import { receiptDate } from './time';

/** `id:… sub:001 dlvrd:001 submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DELIVRD err:000 text:…` */
export function receiptText(p: Extract<OutboxPayload, { kind: 'receipt' }>): string {
  // The text field quotes the start of the message in plain ASCII (the receipt is GSM-coded).
  const text = p.text.replace(/[^\x20-\x7e]/g, '?').slice(0, 20);
  return (
    `id:${p.part_id} sub:001 dlvrd:${p.delivered ? '001' : '000'} submit date:${receiptDate(new Date(p.submitted_at))} ` +
    `done date:${receiptDate(new Date(p.done_at))} stat:${p.stat} err:${p.err} text:${text}`
  );
}

export function deliverFields(p: OutboxPayload): Record<string, unknown> {
  const addresses = {
    source_addr_ton: p.source.ton,
    source_addr_npi: p.source.npi,
    source_addr: p.source.addr,
    dest_addr_ton: p.dest.ton,
    dest_addr_npi: p.dest.npi,
    destination_addr: p.dest.addr,
  };
  if (p.kind === 'receipt') {
    return {
      ...addresses,
      esm_class: 0x04,
      data_coding: 0,
      short_message: Buffer.from(receiptText(p), 'ascii'),
      receipted_message_id: p.part_id,
      message_state: p.message_state,
    };
  }
  const { dataCoding, bytes } = encodeText(p.text);
  return { ...addresses, esm_class: 0, data_coding: dataCoding, ...userDataFields(bytes) };
}
