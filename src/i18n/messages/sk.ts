/**
 * Slovak. Terms from the company's Slovak policy page ("Ako víťazíme"): "Najskôr sa zamyslite" (Think First),
 * dôverné informácie zákazníkov, Zásady ochrany osobných údajov; rodné číslo. Plurals: one (1), few (2–4), other.
 */
import type { Messages } from "./en";
import { plural, type Dir } from "./types";

export const sk = {
  meta: { name: "Slovenčina", dir: "ltr" as Dir },

  dialog: {
    heading: "Najskôr sa zamyslite",
    intro: {
      block: "Správa nebola odoslaná: obsahuje údaje zákazníkov, ktoré takto nesmú odísť.",
      warn: "Správa môže obsahovať údaje zákazníkov. Pred odoslaním ju skontrolujte.",
      unscanned: "Časť správy sa nepodarilo skontrolovať na údaje zákazníkov.",
    },
    line: "{label}: {text}",
    foundLabel: "Nájdené",
    whereLabel: "Kde",
    whyLabel: "Prečo",
    whatLabel: "Čo urobiť",
    notCheckedLabel: "Neskontrolované",
    withExamples: "{item} ({examples})",
    listSeparator: ", ",
    moreSeparator: " ",
    more: plural({ one: "a {count} ďalšia", few: "a {count} ďalšie", other: "a {count} ďalších" }),
    addresses: plural({ one: "{count} adresa", few: "{count} adresy", other: "{count} adries" }),
    where: {
      body: "text správy",
      subject: "predmet",
      attachment: "príloha „{name}“",
    },
    why: "{title}: zákazníci sa spoliehajú, že ich údaje použijeme len na účel, na ktorý ich poskytli.",
    whyShort: "{title}",
    sendAnyway: "Ak ste si istí, že je to povolené, môžete správu odoslať aj tak.",
    unscannedItem: "{name} ({reason})",
  },

  unscannedReasons: {
    encrypted: "zašifrované",
    "too-large": "príliš veľké",
    unsupported: "nepodporovaný typ",
    corrupt: "nečitateľné",
    limit: "nad limitom kontroly",
    timeout: "čas vypršal",
    unavailable: "nedostupné",
  },

  detectors: {
    custom: {
      name: "Vlastný vzor {id}",
      count: plural({ one: "{count} zhoda so vzorom {id}", few: "{count} zhody so vzorom {id}", other: "{count} zhôd so vzorom {id}" }),
    },
  },

  advice: {
    "remove-or-mask": "Odstráňte čísla alebo ich zamaskujte (ponechajte len posledné číslice).",
    "move-to-bcc": "Presuňte externých príjemcov do skrytej kópie, aby sa navzájom nevideli.",
    "dont-share-customer-list":
      "Neposielajte zoznamy e-mailov zákazníkov, ani kolegovi: zákazníci nám ich zverili len na jeden účel.",
    "check-unscanned": "Pred odoslaním skontrolujte časti, ktoré sa nedali prečítať.",
    "remove-attachment": "Odstráňte prílohu alebo ju zdieľajte len s tými, ktorí ju potrebujú.",
    default: "Odstráňte údaje zákazníkov alebo ich zdieľajte len s oprávnenými ľuďmi, ktorí ich potrebujú.",
  },

  labels: {
    cancelLabel: "Podniknúť kroky",
    addinName: "Najskôr sa zamyslite",
  },

  notifications: {
    block: "Najskôr sa zamyslite: {found}. Pri odoslaní sa správa zastaví. Opravte ju teraz.",
    warn: "Najskôr sa zamyslite: {found}. Pred odoslaním ju skontrolujte.",
    unscanned: "Najskôr sa zamyslite: {name} sa nepodarilo skontrolovať ({reason}).",
    recipients: plural({
      one: "Najskôr sa zamyslite: {count} externý príjemca vidí ostatných. Presuňte ho do skrytej kópie.",
      few: "Najskôr sa zamyslite: {count} externí príjemcovia sa navzájom vidia. Presuňte ich do skrytej kópie.",
      other: "Najskôr sa zamyslite: {count} externých príjemcov sa navzájom vidí. Presuňte ich do skrytej kópie.",
    }),
  },

  manifest: {
    displayName: "Najskôr sa zamyslite",
    description: "Pred odoslaním skontroluje odchádzajúcu poštu na zoznamy e-mailov zákazníkov a citlivé čísla.",
    groupLabel: "Najskôr sa zamyslite",
    paneButtonLabel: "Najskôr sa zamyslite",
    paneButtonTooltip: "Skontrolujte, či správa neobsahuje údaje zákazníkov, a opravte ju pred odoslaním.",
  },

  taskpane: {
    title: "Najskôr sa zamyslite",
    intro: "Táto správa obsahuje údaje zákazníkov. Opravte ju tu a potom ju odošlite znova.",
    loading: "Kontrolujem správu…",
    noFindings: "Nenašli sa žiadne citlivé údaje. Správa je pripravená na odoslanie.",
    sectionBody: "V texte správy",
    sectionSubject: "V predmete",
    sectionAttachment: "V prílohe „{name}“",
    sectionRecipients: "Príjemcovia",
    sectionNotChecked: "Nepodarilo sa skontrolovať",
    policyHeading: "Zásady",
    policyLink: "Prečítajte si zásady: {title}",
    fixesHeading: "Oprava",
    moveToBcc: "Presunúť externých príjemcov do skrytej kópie",
    maskBody: "Zamaskovať čísla v texte správy",
    removeAttachment: "Odstrániť prílohu „{name}“",
    rescan: "Skontrolovať znova",
    working: "Pracujem…",
    readyToSend: "Pripravené na odoslanie",
    stillNeedsAttention: "Stále treba vyriešiť",
    fixDone: "Hotovo.",
    fixFailed: "Nepodarilo sa: {error}",
    error: "Správu sa nepodarilo skontrolovať: {error}",
    confidence: { low: "nízka istota", medium: "stredná istota", high: "vysoká istota" },
  },

  justification: {
    codes: {
      "customer-consent": { label: "Zákazník s tým súhlasil" },
      "business-need": { label: "Je to potrebné pre prácu" },
      "false-positive": { label: "Nie je to citlivé (falošný poplach)" },
      other: { label: "Iný dôvod" },
    },
    problems: {
      "unknown-code": "Vyberte jeden z dôvodov.",
      "text-required": "Napíšte krátky dôvod.",
      "too-long": "Dôvod môže mať najviac {max} znakov.",
      identifier: "Dôvod obsahuje údaje zákazníkov ({found}). Odstráňte ich.",
      "email-address": "Odstráňte z dôvodu e-mailovú adresu (aj znak @).",
      "long-number": "Odstráňte z dôvodu dlhé číslo (najviac {max} číslic za sebou). Tiket uveďte jeho názvom.",
      "masked-value": "Nekopírujte do dôvodu zamaskovanú hodnotu.",
    },
  },

  simulator: {
    title: "Najskôr sa zamyslite — simulátor novej správy",
    explanation:
      "Napíšte správu ako v Outlooku a stlačte Odoslať. Skutočný doplnok ju skontroluje a ukáže, čo by zobrazil Outlook.",
    to: "Komu",
    cc: "Kópia",
    bcc: "Skrytá kópia",
    subject: "Predmet",
    body: "Text správy",
    attachments: "Prílohy",
    dropFiles: "Presuňte sem súbory alebo ich vyberte",
    removeFile: "Odstrániť",
    displayLanguage: "Jazyk zobrazenia",
    send: "Odoslať",
    sendAnyway: "Odoslať aj tak",
    dontSend: "Neodoslať",
    takeAction: "Podniknúť kroky",
    messageSent: "Správa bola odoslaná",
    messageNotSent: "Správa nebola odoslaná",
    checking: "Kontrolujem…",
    error: "Niečo sa pokazilo: {error}",
  },

  playground: {
    title: "Najskôr sa zamyslite — skúšobňa zásad",
    explanation: "Vložte alebo načítajte zásady, pridajte vzorový text či súbory a pozrite sa, ako by doplnok rozhodol.",
    policy: "Zásady",
    loadPolicy: "Načítať súbor so zásadami",
    resetPolicy: "Predvolené zásady",
    sampleText: "Vzorový text",
    dropFiles: "Presuňte sem vzorové súbory",
    recipients: "Príjemcovia",
    findings: "Zistenia",
    noFindings: "Žiadne zistenia",
    decision: "Rozhodnutie",
    dialogPreview: "Náhľad dialógu",
    locale: "Jazyk",
    allow: "Povoliť",
    warn: "Upozorniť",
    block: "Zablokovať",
    policyError: "Chyba v zásadách: {error}",
    fileError: "Súbor {name} sa nepodarilo prečítať: {error}",
    detector: "Detektor",
    location: "Umiestnenie",
    value: "Hodnota (zamaskovaná)",
    confidence: "Istota",
    rules: "Použité pravidlá",
  },
} satisfies Messages;
