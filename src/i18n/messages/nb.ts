/**
 * Norwegian Bokmål (also served for `no` and Nynorsk `nn`). Terms from the company's Norwegian policy page ("Slik vinner
 * vi"): "Tenk først" (Think First), kundenes konfidensielle informasjon, Retningslinjer for personvern; fødselsnummer.
 * Plurals: one (1), other.
 */
import type { Messages } from "./en";
import { plural, type Dir } from "./types";

export const nb = {
  meta: { name: "Norsk bokmål", dir: "ltr" as Dir },

  dialog: {
    heading: "Tenk først",
    intro: {
      block: "Meldingen ble ikke sendt: den inneholder kundeinformasjon som ikke kan sendes slik.",
      warn: "Meldingen kan inneholde kundeinformasjon. Sjekk den før du sender.",
      unscanned: "Deler av meldingen kunne ikke sjekkes for kundeinformasjon.",
    },
    line: "{label}: {text}",
    foundLabel: "Funnet",
    whereLabel: "Hvor",
    whyLabel: "Hvorfor",
    whatLabel: "Dette gjør du",
    notCheckedLabel: "Ikke sjekket",
    withExamples: "{item} ({examples})",
    listSeparator: ", ",
    moreSeparator: " ",
    more: plural({ one: "og {count} til", other: "og {count} til" }),
    addresses: plural({ one: "{count} adresse", other: "{count} adresser" }),
    where: {
      body: "meldingsteksten",
      subject: "emnet",
      attachment: "vedlegget «{name}»",
    },
    why: "{title}: kundene stoler på at vi bare bruker informasjonen deres til formålet de oppga den for.",
    whyShort: "{title}",
    sendAnyway: "Er du sikker på at det er tillatt, kan du sende likevel.",
    unscannedItem: "{name} ({reason})",
    linkedLabel: "Lenker til filer",
  },

  unscannedReasons: {
    encrypted: "kryptert",
    "too-large": "for stor",
    unsupported: "filtypen støttes ikke",
    corrupt: "uleselig",
    limit: "over grensen for sjekk",
    timeout: "tiden gikk ut",
    unavailable: "ikke tilgjengelig",
    "no-text": "bilde eller medie, uten tekst",
  },

  detectors: {
    custom: {
      name: "Eget mønster {id}",
      count: plural({ one: "{count} treff på {id}", other: "{count} treff på {id}" }),
    },
  },

  advice: {
    "remove-or-mask": "Fjern numrene eller masker dem (behold bare de siste sifrene).",
    "move-to-bcc": "Flytt de eksterne mottakerne til Blindkopi, så de ikke ser hverandre.",
    "dont-share-customer-list":
      "Ikke send lister over kunders e-postadresser, heller ikke til en kollega: kundene ga oss dem til ett formål.",
    "check-unscanned": "Sjekk delene som ikke kunne leses, før du sender.",
    "remove-attachment": "Fjern vedlegget, eller del det bare med dem som trenger det.",
    "check-links": "Sjekk at de lenkede filene kan deles med disse mottakerne.",
    "check-no-text": "Bilder og opptak blir ikke lest: sjekk at de ikke viser kundedata.",
    default: "Fjern kundeinformasjonen, eller del den bare med dem som er autorisert og har behov for den.",
  },

  labels: {
    cancelLabel: "Ta grep",
    addinName: "Tenk først",
  },

  notifications: {
    block: "Tenk først: {found}. Meldingen stoppes når du sender. Rett det opp nå.",
    warn: "Tenk først: {found}. Sjekk den før du sender.",
    unscanned: "Tenk først: {name} kunne ikke sjekkes ({reason}).",
    recipients: plural({
      one: "Tenk først: {count} ekstern mottaker ser de andre. Flytt mottakerne til Blindkopi.",
      other: "Tenk først: {count} eksterne mottakere ser hverandre. Flytt dem til Blindkopi.",
    }),
  },

  manifest: {
    displayName: "Tenk først",
    description: "Sjekker utgående e-post for lister over kunders e-postadresser og sensitive numre før den sendes.",
    groupLabel: "Tenk først",
    paneButtonLabel: "Tenk først",
    paneButtonTooltip: "Sjekk om meldingen inneholder kundeinformasjon, og rett det opp før du sender.",
  },

  taskpane: {
    title: "Tenk først",
    intro: "Meldingen inneholder kundeinformasjon. Rett det opp her, og send på nytt.",
    loading: "Sjekker meldingen…",
    noFindings: "Fant ikke noe sensitivt. Meldingen er klar til å sendes.",
    sectionBody: "I meldingsteksten",
    sectionSubject: "I emnet",
    sectionAttachment: "I vedlegget «{name}»",
    sectionRecipients: "Mottakere",
    sectionNotChecked: "Kunne ikke sjekkes",
    sectionNoText: "Bilder og medier (ingen tekst å sjekke)",
    sectionLinked: "Lenkede filer",
    noTextKind: { image: "bilde", media: "lyd eller video" },
    policyHeading: "Retningslinjer",
    policyLink: "Les retningslinjene: {title}",
    policyRefused: "Organisasjonens nye retningslinjer kunne ikke brukes ({reason}). Think First sjekker fortsatt med de siste gyldige retningslinjene.",
    policyRefusedReason: { "too-large": "filen er for stor", "not-json": "filen er skadet", invalid: "den har en feil: {detail}" },
    fixesHeading: "Rett opp",
    moveToBcc: "Flytt eksterne mottakere til Blindkopi",
    maskBody: "Masker numrene i meldingsteksten",
    removeAttachment: "Fjern vedlegget «{name}»",
    rescan: "Sjekk på nytt",
    working: "Arbeider…",
    readyToSend: "Klar til å sendes",
    stillNeedsAttention: "Må fortsatt rettes opp",
    fixDone: "Ferdig.",
    fixFailed: "Det gikk ikke: {error}",
    error: "Meldingen kunne ikke sjekkes: {error}",
    confidence: { low: "lav sikkerhet", medium: "middels sikkerhet", high: "høy sikkerhet" },
  },

  justification: {
    codes: {
      "customer-consent": { label: "Kunden har godtatt dette" },
      "business-need": { label: "Det trengs i arbeidet" },
      "false-positive": { label: "Det er ikke sensitivt (falsk alarm)" },
      other: { label: "En annen grunn" },
    },
    problems: {
      "unknown-code": "Velg en av grunnene.",
      "text-required": "Skriv en kort begrunnelse.",
      "too-long": "Begrunnelsen kan ha høyst {max} tegn.",
      identifier: "Begrunnelsen inneholder kundedata ({found}). Fjern dem.",
      "email-address": "Fjern e-postadressen (og alle @) fra begrunnelsen.",
      "long-number": "Fjern det lange tallet fra begrunnelsen (høyst {max} sifre etter hverandre). Vis til en sak med navnet.",
      "masked-value": "Ikke kopier den maskerte verdien inn i begrunnelsen.",
    },
  },

  simulator: {
    title: "Tenk først — simulator for ny melding",
    explanation:
      "Skriv en melding som i Outlook og trykk Send. Det ekte tillegget sjekker den og viser det Outlook ville vist.",
    to: "Til",
    cc: "Kopi",
    bcc: "Blindkopi",
    subject: "Emne",
    body: "Melding",
    attachments: "Vedlegg",
    dropFiles: "Slipp filer her eller velg dem",
    addCloudFile: "Legg ved en skyfil (lenke)",
    cloudFile: "skyfil, lenke",
    removeFile: "Fjern",
    displayLanguage: "Visningsspråk",
    send: "Send",
    sendAnyway: "Send likevel",
    dontSend: "Ikke send",
    takeAction: "Ta grep",
    messageSent: "Meldingen ble sendt",
    messageNotSent: "Meldingen ble ikke sendt",
    checking: "Sjekker…",
    error: "Noe gikk galt: {error}",
  },

  playground: {
    title: "Tenk først — testbenk for retningslinjer",
    explanation: "Lim inn eller last inn retningslinjer, slipp inn eksempeltekst eller filer, og se hva tillegget ville avgjort.",
    policy: "Retningslinjer",
    loadPolicy: "Last inn fil med retningslinjer",
    resetPolicy: "Standard retningslinjer",
    sampleText: "Eksempeltekst",
    dropFiles: "Slipp eksempelfiler her",
    recipients: "Mottakere",
    findings: "Funn",
    noFindings: "Ingen funn",
    decision: "Avgjørelse",
    dialogPreview: "Forhåndsvisning av dialogen",
    locale: "Språk",
    allow: "Tillat",
    warn: "Advar",
    block: "Blokker",
    policyError: "Feil i retningslinjene: {error}",
    fileError: "Kunne ikke lese {name}: {error}",
    detector: "Detektor",
    location: "Plassering",
    value: "Verdi (maskert)",
    confidence: "Sikkerhet",
    rules: "Regler som slo til",
    customerSet: "Kundesett",
    loadCustomerSet: "Last inn et kundesett (.tfcs) og nøkkelen (.key)",
    customerSetLoaded: "{file}: {emails} adresser, {numbers} kundenumre (nøkkel {keyId})",
    customerSetError: "Kunne ikke åpne kundesettet: {error}",
  },
  recipientChecks: {
    advice: {
      "check-lookalike-domain": "Sjekk adressen: mente du {suggestion}?",
      "dont-send-to-personal": "Ikke send kundedata til en privat postkasse ({recipient}).",
      "check-mixed-organizations": "Flere organisasjoner får meldingen: én kan se en annens data. Send hver sin melding.",
      "check-first-time-recipient": "Du har ikke skrevet til {recipient} før: sjekk at det er riktig person.",
    },
    replaceDomain: "Endre {masked} til {suggestion}",
    resembles: "{masked} ligner på {domain}",
    personal: "{masked}: privat postkasse",
    firstTime: "{masked}: ikke skrevet til før",
    organizations: "Eksterne organisasjoner: {domains}",
  },
} satisfies Messages;
