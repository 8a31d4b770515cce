/**
 * The conversation script format (YAML under test/conversations/): what the
 * citizen does, step by step, and what the bot's reply must (not) contain.
 * See docs/conversations.md.
 */
import { z } from 'zod';

const Expect = z
  .object({
    /** Each string must appear in the step's replies (case-insensitive). */
    contains: z.array(z.string()).default([]),
    /** None may appear. */
    notContains: z.array(z.string()).default([]),
    /** Each must be (part of) the title of a button offered in this step. */
    buttons: z.array(z.string()).default([]),
    /** The bot must send nothing for this step. */
    noReply: z.boolean().default(false),
    /** At least this many messages (long answers split). */
    minMessages: z.number().int().positive().optional(),
  })
  .strict();

const step = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, expect: Expect.optional() }).strict();

export const StepSchema = z.union([
  step({ user: z.string().min(1) }),
  /** Tap the button of the previous reply whose title contains this text (its payload is sent). */
  step({ tap: z.string().min(1) }),
  step({ follow: z.literal(true) }),
  step({ media: z.enum(['image', 'sticker', 'file', 'location', 'gif', 'audio', 'video', 'link']) }),
  step({ submitInfo: z.object({ name: z.string(), phone: z.string() }) }),
  /** An officer through the admin API: release the handoff, or reply as the OA. */
  step({ officer: z.union([z.literal('release'), z.object({ reply: z.string().min(1) }).strict()]) }),
]);

export const ScriptSchema = z
  .object({
    name: z.string().min(1),
    /** Why the script exists (shown in docs). */
    about: z.string().optional(),
    /** The bot's clock for this script (ISO); default: a Tuesday 10:00 in Việt Nam. */
    now: z.string().datetime().optional(),
    steps: z.array(z.record(z.string(), z.unknown())).min(1),
  })
  .strict();

export type Step = z.infer<typeof StepSchema>;
export type StepExpect = z.infer<typeof Expect>;
export type Script = z.infer<typeof ScriptSchema> & { file: string; parsedSteps: Step[] };
