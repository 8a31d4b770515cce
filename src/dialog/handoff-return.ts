/**
 * How a citizen leaves a handoff: the "Quay lại trợ lý tự động" button, or words
 * such as "quay lại trợ lý" (intents/cues/handoff.txt, read folded, anywhere in
 * the message). Also the buttons offered instead of a handoff when no officer is on duty.
 */
import type { OaButton } from '../platform/zalo/messages.js';
import { cueSection, loadCues } from '../nlu/cue-lists.js';
import { foldText } from './menu.js';

export const RETURN_BUTTON_TITLE = 'Quay lại trợ lý tự động';
/** Outside duty hours, instead of an automatic handoff: leave a request an officer answers later. */
export const CALLBACK_BUTTON_TITLE = 'Nhờ cán bộ trả lời sau';
export const FEEDBACK_BUTTON_TITLE = 'Gửi phản ánh, kiến nghị';

/** The sentence that tells the citizen how to come back (with the button). */
export const HOW_TO_RETURN = `Muốn quay lại trợ lý tự động, anh/chị bấm “${RETURN_BUTTON_TITLE}” hoặc nhắn “quay lại trợ lý”.`;

const RETURN_CUES = cueSection(loadCues('handoff'), 'return-to-bot').map((words) => ` ${words.join(' ')} `);

export function returnButton(): OaButton {
  return { type: 'oa.query.show', title: RETURN_BUTTON_TITLE, payload: RETURN_BUTTON_TITLE };
}

/** True when the message asks to go back to the automatic assistant. */
export function wantsBotBack(text: string): boolean {
  const folded = ` ${foldText(text)} `;
  return RETURN_CUES.some((cue) => folded.includes(cue));
}

/** The tap on "Nhờ cán bộ trả lời sau" (its payload is its title; typed without accents too). */
export function isCallbackRequest(text: string): boolean {
  return foldText(text) === foldText(CALLBACK_BUTTON_TITLE);
}

/** The tap on "Gửi phản ánh, kiến nghị": start a feedback ticket whatever the NLU makes of it. */
export function isFeedbackTap(text: string): boolean {
  return foldText(text) === foldText(FEEDBACK_BUTTON_TITLE);
}

export function noOfficerButtons(): OaButton[] {
  return [CALLBACK_BUTTON_TITLE, FEEDBACK_BUTTON_TITLE, 'Tra cứu thủ tục'].map((title) => ({ type: 'oa.query.show', title, payload: title }));
}
