import { PERSONAL_DOMAINS, defaultPersonalDomains } from "./personal-domains";
import { inDomain } from "./domain";
import { splitDomain } from "./public-suffix";

/**
 * Where each default domain was verified. E = email-providers@2.26.0 (all.json, installed: checked below),
 * K = free-email-domains@1.12.6 (Kikobeats), F = freemail@1.7.0 (data/free.txt), L = free-email-domains-list@1.0.16,
 * Z = Faker's locale data (joke2k/faker, providers/internet/{sk_SK,cs_CZ,fi_FI} free_email_domains).
 */
const SOURCES: Record<string, string> = Object.fromEntries([
  ["gmail.com", "EKFL"],
  ["googlemail.com", "EKFL"],
  ["outlook.com", "EKFL"],
  ["hotmail.com", "EKFL"],
  ["live.com", "EKFL"],
  ["msn.com", "EKFL"],
  ["hotmail.co.uk", "EKFL"],
  ["hotmail.de", "EKFL"],
  ["hotmail.dk", "EKL"],
  ["hotmail.es", "EKFL"],
  ["hotmail.fr", "EKFL"],
  ["hotmail.it", "EKFL"],
  ["hotmail.se", "KL"],
  ["live.co.uk", "EKFL"],
  ["live.de", "EKFL"],
  ["live.dk", "EKFL"],
  ["live.fr", "EKFL"],
  ["live.se", "KFL"],
  ["outlook.de", "EKFL"],
  ["outlook.fr", "EKFL"],
  ["yahoo.com", "EKFL"],
  ["ymail.com", "EKFL"],
  ["rocketmail.com", "EKFL"],
  ["yahoo.co.uk", "EKFL"],
  ["yahoo.de", "EKFL"],
  ["yahoo.dk", "EKFL"],
  ["yahoo.fr", "EKFL"],
  ["yahoo.se", "EKFL"],
  ["icloud.com", "EKFL"],
  ["me.com", "EKFL"],
  ["mac.com", "EKFL"],
  ["aol.com", "EKFL"],
  ["aim.com", "EKFL"],
  ["gmx.com", "EKFL"],
  ["gmx.net", "EKFL"],
  ["gmx.de", "EKFL"],
  ["gmx.at", "EKFL"],
  ["web.de", "EKFL"],
  ["mail.com", "EKFL"],
  ["email.com", "EKFL"],
  ["proton.me", "EKL"],
  ["protonmail.com", "EKFL"],
  ["protonmail.ch", "EKL"],
  ["pm.me", "EKL"],
  ["tutanota.com", "L"],
  ["tutanota.de", "KL"],
  ["tuta.io", "KL"],
  ["zoho.com", "EKFL"],
  ["zohomail.com", "K"],
  ["fastmail.com", "KFL"],
  ["fastmail.fm", "EKFL"],
  ["hushmail.com", "EKFL"],
  ["mailfence.com", "KL"],
  ["hey.com", "EL"],
  ["yandex.com", "EKFL"],
  ["yandex.ru", "EKFL"],
  ["ya.ru", "EKFL"],
  ["mail.ru", "EKFL"],
  ["inbox.ru", "EKFL"],
  ["list.ru", "EKFL"],
  ["bk.ru", "EKFL"],
  ["azet.sk", "KLZ"],
  ["centrum.sk", "EKFLZ"],
  ["pobox.sk", "EKFLZ"],
  ["zoznam.sk", "Z"],
  ["post.sk", "EKFLZ"],
  ["atlas.sk", "Z"],
  ["inmail.sk", "EKFLZ"],
  ["szm.sk", "Z"],
  ["chello.sk", "Z"],
  ["outlook.sk", "EKFL"],
  ["seznam.cz", "EKFLZ"],
  ["email.cz", "EKFLZ"],
  ["post.cz", "EKFLZ"],
  ["centrum.cz", "EKFLZ"],
  ["atlas.cz", "KL"],
  ["volny.cz", "LZ"],
  ["chello.cz", "Z"],
  ["outlook.cz", "EKFL"],
  ["hotmail.cz", "KL"],
  ["online.no", "K"],
  ["start.no", "K"],
  ["frisurf.no", "K"],
  ["getmail.no", "K"],
  ["c2i.net", "EKFL"],
  ["broadpark.no", "K"],
  ["chello.no", "K"],
  ["lyse.net", "K"],
  ["bluezone.no", "K"],
  ["ebnett.no", "K"],
  ["tele2.no", "K"],
  ["live.no", "KFL"],
  ["hotmail.no", "KFL"],
  ["yahoo.no", "KFL"],
  ["suomi24.fi", "KLZ"],
  ["luukku.com", "EKFLZ"],
  ["pp.inet.fi", "KL"],
  ["kolumbus.fi", "KLZ"],
  ["elisanet.fi", "KL"],
  ["dnainternet.net", "KL"],
  ["netti.fi", "KL"],
  ["surffi.net", "Z"],
  ["hotmail.fi", "KL"],
  ["yahoo.fi", "KFL"],
  ["rediffmail.com", "EKFL"],
  ["rediff.com", "KFL"],
  ["sify.com", "EKFL"],
  ["indiatimes.com", "EKFL"],
  ["india.com", "EKFL"],
  ["yahoo.co.in", "EKFL"],
  ["yahoo.in", "EKFL"],
  ["outlook.in", "EKFL"],
  ["live.in", "KFL"],
  ["freemail.com.pk", "EKFL"],
]);

describe("PERSONAL_DOMAINS", () => {
  const all = defaultPersonalDomains();

  test("no duplicates, across regions too", () => {
    const seen = new Set<string>();
    const dups = all.filter((d) => (seen.has(d) ? true : (seen.add(d), false)));
    expect(dups).toEqual([]);
    expect(all.length).toBeGreaterThan(100);
  });

  test("each is a lower-case host name with a registrable domain, and none is inside another", () => {
    for (const d of all) {
      expect({ d, ok: /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(d) }).toEqual({ d, ok: true });
      expect({ d, registrable: splitDomain(d).registrable !== "" }).toEqual({ d, registrable: true });
      const parent = all.find((p) => p !== d && inDomain(d, p));
      expect({ d, parent }).toEqual({ d, parent: undefined });
    }
  });

  test("each has a source, and the email-providers ones are in the installed package", () => {
    const emailProviders = new Set<string>(require("email-providers/all.json"));
    for (const d of all) {
      const source = SOURCES[d];
      expect({ d, source: typeof source === "string" && /^[EKFLZ]+$/.test(source) }).toEqual({ d, source: true });
      if (source!.indexOf("E") >= 0) expect({ d, inEmailProviders: emailProviders.has(d) }).toEqual({ d, inEmailProviders: true });
    }
    expect(Object.keys(SOURCES).sort()).toEqual(all.slice().sort());
  });

  test("covers the countries we serve", () => {
    for (const region of ["global", "sk", "cz", "no", "fi", "in", "pk"]) expect((PERSONAL_DOMAINS[region] || []).length).toBeGreaterThan(0);
    expect(all).toEqual(expect.arrayContaining(["azet.sk", "seznam.cz", "email.cz", "online.no", "suomi24.fi", "luukku.com", "rediffmail.com"]));
  });
});
