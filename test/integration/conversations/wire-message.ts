/** What the emulator recorded, read back as text and buttons (OA wire format, §4.2 of the platform notes). */
import type { RecordedOutbound } from '../../../src/platform/zalo/emulator/emulator-handle.js';

export interface SeenMessage {
  text: string;
  buttons: { title: string; payload: string }[];
}

export function readWireMessage(rec: RecordedOutbound): SeenMessage {
  const m = rec.message as { text?: unknown; attachment?: { payload?: { buttons?: unknown[]; elements?: { title?: string }[] } } };
  const buttons = (m.attachment?.payload?.buttons ?? []).map((b) => {
    const x = b as { title?: unknown; payload?: unknown };
    return { title: String(x.title ?? ''), payload: typeof x.payload === 'string' ? x.payload : JSON.stringify(x.payload) };
  });
  const text = typeof m.text === 'string' ? m.text : (m.attachment?.payload?.elements?.[0]?.title ?? '');
  return { text, buttons };
}
