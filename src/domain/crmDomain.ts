/**
 * Web domains as matching keys: a website, a bare domain or an email reduced to its registrable
 * domain with the public suffix list (tldts), so "https://www.shop.contoso.co.uk:8080/about" and
 * "sales@contoso.co.uk" are both "contoso.co.uk". Free-mail and ISP domains identify nobody.
 */
import { getDomain } from "tldts";

/** Mail providers whose domains hold millions of unrelated people, under any country suffix. */
const FREE_MAIL_LABELS = new Set([
  "gmail",
  "googlemail",
  "hotmail",
  "outlook",
  "live",
  "msn",
  "yahoo",
  "ymail",
  "rocketmail",
  "aol",
  "icloud",
  "gmx",
  "protonmail",
  "yandex",
  "zoho",
  "mail",
  "inbox",
]);

/** ISP and national free-mail domains (exact registrable domains). */
const FREE_MAIL_DOMAINS = new Set([
  "me.com",
  "mac.com",
  "proton.me",
  "pm.me",
  "fastmail.com",
  "hey.com",
  "web.de",
  "t-online.de",
  "freenet.de",
  "arcor.de",
  "orange.fr",
  "free.fr",
  "wanadoo.fr",
  "laposte.net",
  "sfr.fr",
  "libero.it",
  "virgilio.it",
  "tiscali.it",
  "alice.it",
  "btinternet.com",
  "sky.com",
  "virginmedia.com",
  "ntlworld.com",
  "talktalk.net",
  "comcast.net",
  "verizon.net",
  "att.net",
  "sbcglobal.net",
  "bellsouth.net",
  "cox.net",
  "charter.net",
  "earthlink.net",
  "bigpond.com",
  "bigpond.net.au",
  "optusnet.com.au",
  "iinet.net.au",
  "shaw.ca",
  "rogers.com",
  "sympatico.ca",
  "telus.net",
  "xtra.co.nz",
  "qq.com",
  "163.com",
  "126.com",
  "sina.com",
  "naver.com",
  "daum.net",
  "rediffmail.com",
  "seznam.cz",
  "wp.pl",
  "o2.pl",
  "onet.pl",
  "interia.pl",
  "telenet.be",
  "skynet.be",
  "ziggo.nl",
  "kpnmail.nl",
  "planet.nl",
  "bluewin.ch",
  "terra.com.br",
  "uol.com.br",
  "bol.com.br",
  "mail.ru",
  "bk.ru",
  "list.ru",
  "rambler.ru",
]);

export function isFreeMailDomain(registrable: string): boolean {
  if (FREE_MAIL_DOMAINS.has(registrable)) return true;
  const dot = registrable.indexOf(".");
  const label = dot < 0 ? registrable : registrable.slice(0, dot);
  return FREE_MAIL_LABELS.has(label);
}

export type DomainKey =
  { kind: "domain"; domain: string } | { kind: "freeMail"; domain: string } | { kind: "none" };

/**
 * The registrable domain of a website, bare domain or email: lower case; scheme, "www.", path,
 * query, port and trailing dot removed; an email's part after "@"; then the public suffix list.
 * Blank, IP addresses and text that is no domain give "none".
 */
const NO_DOMAIN: DomainKey = Object.freeze({ kind: "none" });

export function domainKey(value: unknown): DomainKey {
  if (typeof value !== "string") return NO_DOMAIN;
  let text = value.trim().toLowerCase();
  if (!text || text === "#n/a" || text === "n/a") return NO_DOMAIN;
  // Most cells hold a bare host already ("contoso.com"): nothing to strip.
  if (!BARE_HOST.test(text) || text.startsWith("www")) text = hostOf(text);
  if (!text.includes(".")) return NO_DOMAIN;
  // The hostname is already extracted; tldts only looks up the public suffix. getDomain stops at
  // the domain (no subdomain, no result object): it is null for an IP address and for a host
  // without a public suffix or with nothing before it.
  const domain = getDomain(text, HOSTNAME_ONLY);
  if (!domain) return NO_DOMAIN;
  return isFreeMailDomain(domain) ? { kind: "freeMail", domain } : { kind: "domain", domain };
}

const BARE_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;
const HOSTNAME_ONLY = { extractHostname: false } as const;

/** The host of a website, address or email: scheme, "www.", path, query, port and trailing dot removed. */
function hostOf(value: string): string {
  let text = value;
  // Several addresses in one cell ("a.com; b.com"): the first one.
  text = text.split(/[\s;,|]+/)[0];
  text = text.replace(/^mailto:/, "");
  const at = text.lastIndexOf("@");
  if (at >= 0) text = text.slice(at + 1);
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, "");
  text = text.split(/[/?#]/)[0];
  text = text
    .replace(/:\d*$/, "")
    .replace(/\.+$/, "")
    .replace(/^www\d?\./, "");
  return text;
}

/** True when a value reads as a website, domain or email (for detecting the column by content). */
export function looksLikeDomain(value: unknown): boolean {
  if (typeof value !== "string" || /\s[a-z]/i.test(value.trim())) return false;
  return domainKey(value).kind !== "none";
}
