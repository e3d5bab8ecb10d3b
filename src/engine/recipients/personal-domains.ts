/**
 * The default list of consumer mailbox domains (webmail providers and the mail of consumer ISPs): a recipient there is
 * a person, not an organization. The policy adds and removes domains (recipients.personalDomains); a subdomain of a listed domain is
 * listed too.
 *
 * A curated subset, not a whole list: the maintained lists on npm hold 4,000–97,000 domains each (free-email-domains
 * 14,125; email-providers 8,760; free-email-domains-list 96,649, most of them disposable or defunct), 60–800 KB,
 * too heavy for launchevent.js, and free-email-domains cannot even be installed here (its install script downloads
 * the list). Every domain below appears in at least one of those lists or in Faker's locale data; the source of each
 * is in personal-domains.test.ts, which checks the email-providers entries against the installed package.
 *
 * Pakistan: none of the lists has a Pakistan-specific consumer domain but freemail.com.pk; Pakistani users are on the
 * global providers, which the first group covers.
 */
export const PERSONAL_DOMAINS: Readonly<Record<string, readonly string[]>> = {
  global: [
    "gmail.com", "googlemail.com",
    "outlook.com", "hotmail.com", "live.com", "msn.com",
    "hotmail.co.uk", "hotmail.de", "hotmail.dk", "hotmail.es", "hotmail.fr", "hotmail.it", "hotmail.se",
    "live.co.uk", "live.de", "live.dk", "live.fr", "live.se", "outlook.de", "outlook.fr",
    "yahoo.com", "ymail.com", "rocketmail.com", "yahoo.co.uk", "yahoo.de", "yahoo.dk", "yahoo.fr", "yahoo.se",
    "icloud.com", "me.com", "mac.com",
    "aol.com", "aim.com",
    "gmx.com", "gmx.net", "gmx.de", "gmx.at", "web.de", "mail.com", "email.com",
    "proton.me", "protonmail.com", "protonmail.ch", "pm.me",
    "tutanota.com", "tutanota.de", "tuta.io",
    "zoho.com", "zohomail.com", "fastmail.com", "fastmail.fm", "hushmail.com", "mailfence.com", "hey.com",
    "yandex.com", "yandex.ru", "ya.ru", "mail.ru", "inbox.ru", "list.ru", "bk.ru",
  ],
  sk: ["azet.sk", "centrum.sk", "pobox.sk", "zoznam.sk", "post.sk", "atlas.sk", "inmail.sk", "szm.sk", "chello.sk", "outlook.sk"],
  cz: ["seznam.cz", "email.cz", "post.cz", "centrum.cz", "atlas.cz", "volny.cz", "chello.cz", "outlook.cz", "hotmail.cz"],
  no: [
    "online.no", "start.no", "frisurf.no", "getmail.no", "c2i.net", "broadpark.no", "chello.no", "lyse.net",
    "bluezone.no", "ebnett.no", "tele2.no", "live.no", "hotmail.no", "yahoo.no",
  ],
  fi: ["suomi24.fi", "luukku.com", "pp.inet.fi", "kolumbus.fi", "elisanet.fi", "dnainternet.net", "netti.fi", "surffi.net", "hotmail.fi", "yahoo.fi"],
  in: ["rediffmail.com", "rediff.com", "sify.com", "indiatimes.com", "india.com", "yahoo.co.in", "yahoo.in", "outlook.in", "live.in"],
  pk: ["freemail.com.pk"],
};

/** Every default domain, in the order above. */
export function defaultPersonalDomains(): string[] {
  const out: string[] = [];
  for (const region of Object.keys(PERSONAL_DOMAINS)) for (const d of PERSONAL_DOMAINS[region] as readonly string[]) out.push(d);
  return out;
}
