/** The main menu (welcome, help, media note) and recognition of its taps. */
import type { OaButton } from '../platform/zalo/messages.js';

export type MenuAction = 'procedures' | 'dossier_status' | 'subscribe' | 'human_handoff';

const MENU: { title: string; action: MenuAction }[] = [
  { title: 'Tra cứu thủ tục', action: 'procedures' },
  { title: 'Tra cứu hồ sơ', action: 'dossier_status' },
  { title: 'Nhận thông báo', action: 'subscribe' },
  { title: 'Gặp cán bộ', action: 'human_handoff' },
];

export function menuButtons(): OaButton[] {
  return MENU.map((m) => ({ type: 'oa.query.show', title: m.title, payload: m.title }));
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** A menu tap arrives as its payload text; also accept it typed without accents. */
export function parseMenuTap(text: string): MenuAction | undefined {
  const f = fold(text);
  return MENU.find((m) => fold(m.title) === f)?.action;
}

export { fold as foldText };
