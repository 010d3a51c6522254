import { z } from "zod";

/** What the alert queue carries: an outbox row to send ({id}), or a large export to build. */
export const reminderMessage = z.object({ id: z.number().int().positive() });

/** A plan too large to export inside a chat request: the queue builds it (queue consumers have far more CPU time). */
export const exportJob = z.object({
  export: z.object({
    planId: z.number().int().positive(),
    memberId: z.number().int().positive(),
    format: z.enum(["xlsx", "csv"]),
  }),
});
export type ExportJob = z.infer<typeof exportJob>["export"];
