// The person's language: zh-CN unless they switched, remembered per device.
import { BallotForm, type VoteSpec } from "../gen/gavel/v1/meeting_pb";
import type { Error as ServerError } from "../gen/gavel/v1/envelope_pb";
import { en, enEnums } from "./en";
import { zh, zhEnums, type Key } from "./zh-CN";

export type Lang = "zh" | "en";
let lang: Lang = "zh";
try {
  if (localStorage.getItem("gavel.lang") === "en") lang = "en";
} catch {
  /* storage blocked: Chinese */
}

export function currentLang(): Lang {
  return lang;
}

export function setLang(next: Lang): void {
  lang = next;
  document.documentElement.lang = next === "zh" ? "zh-CN" : "en";
  try {
    localStorage.setItem("gavel.lang", next);
  } catch {
    /* not remembered */
  }
}

export function t(key: Key, ...args: (string | number)[]): string {
  const text: string = lang === "zh" ? zh[key] : en[key];
  return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
}

export type EnumName = "kind" | "dissentKind" | "motionState" | "form" | "threshold" | "outcome" | "itemState" | "phase" | "minutes";

/** An enum the server sent, in the person's words. */
export function te(name: EnumName, value: number): string {
  const table = lang === "zh" ? zhEnums[name] : enEnums[name];
  return (table && table[value]) || String(value);
}

/** A ballot option: the server's own words for yes/no and consensus are Chinese; translate those. */
export function optionText(spec: VoteSpec | undefined, index: number): string {
  if (!spec) return String(index + 1);
  const table = lang === "zh" ? zhEnums : enEnums;
  if (spec.form === BallotForm.BALLOT_YES_NO_ABSTAIN && table.yesNo[index]) return table.yesNo[index];
  if (spec.form === BallotForm.BALLOT_CONSENSUS && table.consensus[index]) return table.consensus[index];
  return spec.options[index] || String(index + 1);
}

/** Words the server sends in both languages (notices, rule words). */
export function words(w: { zh: string; en: string } | undefined): string {
  if (!w) return "";
  return (lang === "zh" ? w.zh : w.en) || w.zh || w.en;
}

export function serverMessage(e: ServerError): string {
  return (lang === "zh" ? e.messageZh : e.messageEn) || e.messageZh || e.messageEn;
}

setLang(lang);
