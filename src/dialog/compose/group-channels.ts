/**
 * Channels that say the same thing are stated once ("Trực tiếp, Trực tuyến: …"),
 * so a per-channel answer stays short when the channels agree.
 */
import type { Channel } from '../../catalog/procedure-schema.js';

export interface ChannelLine {
  labels: string[];
  text: string;
}

export function groupChannels(channels: Channel[], describe: (c: Channel) => string): ChannelLine[] {
  const groups: ChannelLine[] = [];
  for (const c of channels) {
    const text = describe(c);
    const g = groups.find((x) => x.text === text);
    if (g) {
      if (!g.labels.includes(c.label)) g.labels.push(c.label);
    } else groups.push({ labels: [c.label], text });
  }
  return groups;
}

/** "• Trực tiếp, Trực tuyến: text" lines; one group → "(mọi hình thức nộp) text". */
export function channelBullets(lines: ChannelLine[]): string[] {
  if (lines.length === 1) return [`• Áp dụng cho mọi hình thức nộp (${lines[0].labels.join(', ')}): ${lines[0].text}`];
  return lines.map((l) => `• ${l.labels.join(', ')}: ${l.text}`);
}
