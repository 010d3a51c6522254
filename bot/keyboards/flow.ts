import { InlineKeyboard } from "grammy";
import { flowCancel } from "../callback-data";
import { reportTexts } from "../texts";

export function cancelKeyboard(token: string): InlineKeyboard {
  return new InlineKeyboard().text(reportTexts.buttons.cancel, flowCancel.build(token));
}
