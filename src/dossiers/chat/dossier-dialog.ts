// STUB (owned by the dossier work): replaced by the real dossier conversation.
import type { TurnContext } from '../../dialog/turn-context.js';
import type { PendingQuestion } from '../../store/records.js';

/** dossier_status / subscribe / unsubscribe turns. */
export async function handleDossierIntent(
  ctx: TurnContext,
  _intent: 'dossier_status' | 'subscribe' | 'unsubscribe',
): Promise<void> {
  ctx.reply({ kind: 'text', text: 'Dạ, chức năng tra cứu hồ sơ đang được hoàn thiện.' });
}

/**
 * A turn while a dossier question is pending (dossier_code, challenge, satisfaction).
 * Returns false when the message is not an answer to it (the citizen changed topic),
 * so the dialog router handles it normally.
 */
export async function handleDossierPending(_ctx: TurnContext, _pending: PendingQuestion): Promise<boolean> {
  return false;
}

/** After user_submit_info: continue a lookup waiting for the shared phone, if any. */
export async function handleSharedInfo(_ctx: TurnContext): Promise<void> {}
