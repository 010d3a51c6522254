import { flowCancel } from "../callback-data";
import { Actions } from "../ports/actions";
import { reportTexts } from "../texts";

export function cancelKeyboard(token: string): Actions {
  return new Actions().text(reportTexts.buttons.cancel, flowCancel.build(token));
}
