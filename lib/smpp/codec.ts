// The SMPP 3.4 PDU codec: the `smpp` package's field and TLV tables, wrapped so that the rest of lib/smpp
// sees plain values. Its decode filters are switched off (they guess text encodings and parse time
// strings in ways that throw on bad input): short_message and message_payload stay bytes, times stay
// strings, and lib/smpp/text.ts decodes what a submit_sm carries.
import smppPackage from 'smpp';

interface PduInstance {
  command: string;
  command_id: number;
  command_status: number;
  sequence_number: number;
  command_length: number;
  toBuffer(): Buffer;
  fromBuffer(buf: Buffer): void;
  _filter(direction: 'encode' | 'decode'): void;
  [field: string]: unknown;
}
interface PduClass {
  new (command: string, options?: Record<string, unknown>): PduInstance;
  prototype: PduInstance;
  maxLength: number;
}
interface SmppModule {
  PDU: PduClass;
  errors: Record<string, number>;
  gsmCoder: { decode(bytes: Buffer, shiftTable?: number): string; encode(text: string, shiftTable?: number): Buffer };
  commands: Record<string, { id: number }>;
}

// A CommonJS package without types (lib/smpp/smpp-package.d.ts), typed here.
const smpp = smppPackage as SmppModule;

/** Largest PDU accepted; message_payload may carry a long message in one PDU. */
export const MAX_PDU_LENGTH = 16_384;
smpp.PDU.maxLength = MAX_PDU_LENGTH;

export const STATUS = {
  ESME_ROK: 0x00,
  ESME_RINVMSGLEN: 0x01,
  ESME_RINVCMDLEN: 0x02,
  ESME_RINVCMDID: 0x03,
  ESME_RINVBNDSTS: 0x04,
  ESME_RALYBND: 0x05,
  ESME_RINVREGDLVFLG: 0x07,
  ESME_RSYSERR: 0x08,
  ESME_RINVSRCADR: 0x0a,
  ESME_RINVDSTADR: 0x0b,
  ESME_RBINDFAIL: 0x0d,
  ESME_RINVPASWD: 0x0e,
  ESME_RMSGQFUL: 0x14,
  ESME_RINVESMCLASS: 0x43,
  ESME_RSUBMITFAIL: 0x45,
  ESME_RINVDSTTON: 0x50,
  ESME_RTHROTTLED: 0x58,
  ESME_RINVSCHED: 0x61,
  ESME_RINVEXPIRY: 0x62,
  ESME_RX_T_APPN: 0x64,
  ESME_RX_P_APPN: 0x65,
  ESME_RINVTLVVAL: 0xc4,
  ESME_RINVDCS: 0x104,
} as const;
export type SmppStatus = (typeof STATUS)[keyof typeof STATUS];

/** A decoded PDU: the header, then the command's fields and TLVs by their SMPP names. */
export interface Pdu {
  command: string;
  command_id: number;
  command_status: number;
  sequence_number: number;
  command_length: number;
  [field: string]: unknown;
}

export const isResponse = (commandId: number): boolean => (commandId & 0x80000000) !== 0;

/**
 * Decodes one whole PDU (exactly command_length bytes). Throws on a body that does not fit its command;
 * an unknown command_id decodes as command 'unknown'.
 */
export function decodePdu(bytes: Buffer): Pdu {
  if (bytes.length < 16 || bytes.readUInt32BE(0) !== bytes.length) throw new Error('PDU length does not match command_length');
  const pdu = Object.create(smpp.PDU.prototype) as PduInstance;
  // Own no-op filter: keep bytes and strings as they came (see the header comment).
  pdu._filter = () => {};
  pdu.fromBuffer(bytes);
  const out: Pdu = {
    command: pdu.command,
    command_id: pdu.command_id,
    command_status: pdu.command_status,
    sequence_number: pdu.sequence_number,
    command_length: pdu.command_length,
  };
  for (const [k, v] of Object.entries(pdu)) if (k !== '_filter' && !(k in out)) out[k] = v;
  return out;
}

/** Encodes a PDU; bodies of error responses are left out, as SMPP 3.4 allows. */
export function encodePdu(command: string, sequence: number, fields: Record<string, unknown> = {}, status = 0): Buffer {
  if (!smpp.commands[command]) throw new Error(`unknown SMPP command ${command}`);
  return new smpp.PDU(command, { ...fields, sequence_number: sequence, command_status: status }).toBuffer();
}

/** GSM 03.38 default alphabet, one septet per octet (as SMPP carries it), with the national shift tables. */
export const gsm = {
  decode: (bytes: Buffer, shiftTable = 0): string => smpp.gsmCoder.decode(bytes, shiftTable),
  encode: (text: string): Buffer => smpp.gsmCoder.encode(text, 0),
};

export const COMMAND_IDS: Record<string, number> = Object.fromEntries(Object.entries(smpp.commands).map(([k, v]) => [k, v.id]));
