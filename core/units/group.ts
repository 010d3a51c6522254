import { foldText } from "../text/fold";
import { unitKey } from "./key";
import { tidyName } from "./tidy";

// A plural noun right before a comma opens an enumeration of kinds of body:
// "sở, ban, ngành", "Bộ, ngành, địa phương", "Tập đoàn, doanh nghiệp …".
const ENUMERATION =
  /^(?:cac |nhung )?(?:so|bo|ban|nganh|co quan|don vi|dia phuong|tap doan|doanh nghiep|to chuc|chi bo|dang bo|dang uy|chi|xa|phuong|huyen|tinh|thanh pho|truong|hoi|doan the),/;

/**
 * True for names that stand for several bodies rather than one: "Các Đảng ủy, chi bộ
 * trực thuộc Huyện ủy", "các sở, ban, ngành", "UBND các xã, phường", "các cơ quan, đơn vị",
 * "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội huyện".
 */
export function isGroupPhrase(name: string): boolean {
  const key = unitKey(name);
  if (/^(?:cac|nhung|moi) /.test(key)) return true;
  if (/^(?:uy ban nhan dan|hoi dong nhan dan) (?:cac|cap) /.test(key)) return true;
  if (/\b(?:to chuc chinh tri xa hoi|doan the)\b/.test(key)) return true;
  if (/^dia phuong\b/.test(key)) return true;
  return ENUMERATION.test(foldText(tidyName(name)));
}
