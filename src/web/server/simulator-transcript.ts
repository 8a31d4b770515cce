/**
 * What the simulator shows for one test citizen: the citizen's own actions
 * (kept here, in memory, because the emulator records only what the bot sent)
 * merged with the emulator's record of the bot's messages. One listener on the
 * emulator fans out to the open event streams, filtered per user.
 */
import { randomUUID } from 'node:crypto';
import type { OaEmulatorHandle, RecordedOutbound } from '../../platform/zalo/emulator/emulator-handle.js';

export type UserActionKind = 'text' | 'tap' | 'media' | 'follow' | 'unfollow' | 'submit_info';

export interface UserChatItem {
  id: string;
  at: string;
  from: 'user';
  kind: UserActionKind;
  /** What the chat shows for the action (the text, the tapped button's title, "Hình ảnh"...). */
  text: string;
  /** HTTP status the bot's webhook answered (200 when accepted). */
  status?: number;
}

export interface OaChatItem {
  id: string;
  at: string;
  from: 'oa';
  /** '/v3.0/oa/message/cs' or '/v3.0/oa/message/transaction'. */
  endpoint: string;
  /** The OA wire `message` object as the bot sent it. */
  message: Record<string, unknown>;
}

export type ChatItem = UserChatItem | OaChatItem;

type Listener = (item: ChatItem) => void;

const MAX_ITEMS_PER_USER = 300;
const MAX_USERS = 2000;

/** Never hand the page the access token the bot used: copy only what the chat needs. */
export function toOaChatItem(rec: RecordedOutbound): OaChatItem {
  return { id: rec.id, at: rec.at, from: 'oa', endpoint: rec.endpoint, message: rec.message };
}

export class SimulatorTranscript {
  private readonly userItems = new Map<string, UserChatItem[]>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly onOutbound = (rec: RecordedOutbound) => this.emit(rec.userId, toOaChatItem(rec));

  constructor(private readonly emulator: OaEmulatorHandle) {
    emulator.events.on('outbound', this.onOutbound);
  }

  /** Record a citizen action before it is posted, so it sorts before the replies it causes. */
  begin(userId: string, kind: UserActionKind, text: string, at = new Date()): UserChatItem {
    const item: UserChatItem = { id: `u-${randomUUID()}`, at: at.toISOString(), from: 'user', kind, text };
    let items = this.userItems.get(userId);
    if (!items) {
      // Bounded memory: forget the least recently used citizen.
      if (this.userItems.size >= MAX_USERS) this.userItems.delete(this.userItems.keys().next().value!);
      items = [];
    } else this.userItems.delete(userId);
    this.userItems.set(userId, items);
    items.push(item);
    if (items.length > MAX_ITEMS_PER_USER) items.splice(0, items.length - MAX_ITEMS_PER_USER);
    this.emit(userId, item);
    return item;
  }

  /** Set the webhook's answer on a recorded action and tell the open streams again (pages upsert by id). */
  finish(userId: string, item: UserChatItem, status: number): UserChatItem {
    item.status = status;
    this.emit(userId, item);
    return item;
  }

  /** The chat so far, oldest first. */
  list(userId: string): ChatItem[] {
    const mine: ChatItem[] = [...(this.userItems.get(userId) ?? [])];
    const theirs = this.emulator.outbound(userId).map(toOaChatItem);
    return [...mine, ...theirs].sort((a, b) => a.at.localeCompare(b.at));
  }

  subscribe(userId: string, fn: Listener): () => void {
    let set = this.listeners.get(userId);
    if (!set) this.listeners.set(userId, (set = new Set()));
    set.add(fn);
    return () => {
      set.delete(fn);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }

  close(): void {
    this.emulator.events.off('outbound', this.onOutbound);
    this.listeners.clear();
  }

  private emit(userId: string, item: ChatItem): void {
    for (const fn of this.listeners.get(userId) ?? []) fn(item);
  }
}
