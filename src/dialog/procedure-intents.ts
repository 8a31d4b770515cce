/** The procedure intents live with the other intent names (nlu-types.ts); re-exported for the dialog. */
export { PROCEDURE_INTENTS, isProcedureIntent, type ProcedureIntent, type Intent } from '../nlu/nlu-types.js';
