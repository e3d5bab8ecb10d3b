/**
 * Finnish. Terms from the Finnish article on protecting customers' privacy (asiakkaiden yksityisyys, henkilökohtaiset
 * tiedot, arkaluonteiset tiedot, tietosuojakäytäntö, sosiaaliturvatunnus, luottokorttinumero, pankkitilinumero) and the
 * Finnish personal identity code, henkilötunnus. "Mieti ensin" = Think First. Plurals: one (1), other (partitive).
 */
import type { Messages } from "./en";
import { plural, type Dir } from "./types";

export const fi = {
  meta: { name: "Suomi", dir: "ltr" as Dir },

  dialog: {
    heading: "Mieti ensin",
    intro: {
      block: "Viestiä ei lähetetty: se sisältää asiakastietoja, joita ei saa lähettää näin.",
      warn: "Viesti saattaa sisältää asiakastietoja. Tarkista se ennen lähettämistä.",
      unscanned: "Osaa viestistä ei voitu tarkistaa asiakastietojen varalta.",
    },
    line: "{label}: {text}",
    foundLabel: "Löytyi",
    whereLabel: "Missä",
    whyLabel: "Miksi",
    whatLabel: "Mitä tehdä",
    notCheckedLabel: "Tarkistamatta",
    withExamples: "{item} ({examples})",
    listSeparator: ", ",
    moreSeparator: " ",
    more: plural({ one: "ja {count} muu", other: "ja {count} muuta" }),
    addresses: plural({ one: "{count} osoite", other: "{count} osoitetta" }),
    where: {
      body: "viestin teksti",
      subject: "aihe",
      attachment: "liite ”{name}”",
    },
    why: "{title}: asiakkaat luottavat siihen, että käytämme heidän tietojaan vain siihen tarkoitukseen, johon he ne antoivat.",
    whyShort: "{title}",
    sendAnyway: "Jos olet varma, että se on sallittua, voit lähettää silti.",
    unscannedItem: "{name} ({reason})",
    linkedLabel: "Linkit tiedostoihin",
  },

  unscannedReasons: {
    encrypted: "salattu",
    "too-large": "liian suuri",
    unsupported: "tiedostotyyppiä ei tueta",
    corrupt: "ei luettavissa",
    limit: "tarkistusrajan yli",
    timeout: "aika loppui",
    unavailable: "ei saatavilla",
    "no-text": "kuva tai media, ei tekstiä",
  },

  detectors: {
    custom: {
      name: "Oma tunniste {id}",
      count: plural({ one: "{count} osuma tunnisteelle {id}", other: "{count} osumaa tunnisteelle {id}" }),
    },
  },

  advice: {
    "remove-or-mask": "Poista numerot tai peitä ne (jätä näkyviin vain viimeiset numerot).",
    "move-to-bcc": "Siirrä ulkoiset vastaanottajat Piilokopio-kenttään, jotta he eivät näe toisiaan.",
    "dont-share-customer-list":
      "Älä lähetä asiakkaiden sähköpostilistoja edes kollegalle: asiakkaat antoivat ne meille vain yhteen tarkoitukseen.",
    "check-unscanned": "Tarkista ennen lähettämistä osat, joita ei voitu lukea.",
    "remove-attachment": "Poista liite tai jaa se vain niille, jotka tarvitsevat sitä.",
    "check-links": "Varmista, että linkitetyt tiedostot saa jakaa näille vastaanottajille.",
    "check-no-text": "Kuvia ja tallenteita ei lueta: tarkista, ettei niissä näy asiakastietoja.",
    default: "Poista asiakastiedot tai jaa ne vain niille, joilla on lupa ja tarve saada ne.",
  },

  labels: {
    cancelLabel: "Ryhdy toimiin",
    addinName: "Mieti ensin",
  },

  notifications: {
    block: "Mieti ensin: {found}. Viesti pysäytetään lähetettäessä. Korjaa se nyt.",
    warn: "Mieti ensin: {found}. Tarkista viesti ennen lähettämistä.",
    unscanned: "Mieti ensin: kohdetta {name} ei voitu tarkistaa ({reason}).",
    recipients: plural({
      one: "Mieti ensin: {count} ulkoinen vastaanottaja näkee muut. Siirrä vastaanottajat piilokopioon.",
      other: "Mieti ensin: {count} ulkoista vastaanottajaa näkee toisensa. Siirrä heidät piilokopioon.",
    }),
  },

  manifest: {
    displayName: "Mieti ensin",
    description: "Tarkistaa lähtevän postin asiakkaiden sähköpostilistojen ja arkaluonteisten numeroiden varalta ennen lähettämistä.",
    groupLabel: "Mieti ensin",
    paneButtonLabel: "Mieti ensin",
    paneButtonTooltip: "Tarkista, sisältääkö viesti asiakastietoja, ja korjaa se ennen lähettämistä.",
  },

  taskpane: {
    title: "Mieti ensin",
    intro: "Viesti sisältää asiakastietoja. Korjaa se täällä ja lähetä sitten uudelleen.",
    loading: "Tarkistetaan viestiä…",
    noFindings: "Arkaluonteisia tietoja ei löytynyt. Viesti on valmis lähetettäväksi.",
    sectionBody: "Viestin tekstissä",
    sectionSubject: "Aiheessa",
    sectionAttachment: "Liitteessä ”{name}”",
    sectionRecipients: "Vastaanottajat",
    sectionNotChecked: "Ei voitu tarkistaa",
    sectionNoText: "Kuvat ja media (ei tarkistettavaa tekstiä)",
    sectionLinked: "Linkitetyt tiedostot",
    noTextKind: { image: "kuva", media: "ääni tai video" },
    policyHeading: "Tietosuojakäytäntö",
    policyLink: "Lue käytäntö: {title}",
    policyRefused: "Organisaatiosi uutta käytäntöä ei voitu käyttää ({reason}). Think First tarkistaa edelleen viimeisimmän kelvollisen käytännön mukaan.",
    policyRefusedReason: { "too-large": "tiedosto on liian suuri", "not-json": "tiedosto on vioittunut", invalid: "siinä on virhe: {detail}" },
    fixesHeading: "Korjaa",
    moveToBcc: "Siirrä ulkoiset vastaanottajat piilokopioon",
    maskBody: "Peitä numerot viestin tekstissä",
    removeAttachment: "Poista liite ”{name}”",
    rescan: "Tarkista uudelleen",
    working: "Käsitellään…",
    readyToSend: "Valmis lähetettäväksi",
    stillNeedsAttention: "Vaatii vielä huomiota",
    fixDone: "Valmis.",
    fixFailed: "Se ei onnistunut: {error}",
    error: "Viestiä ei voitu tarkistaa: {error}",
    confidence: { low: "pieni varmuus", medium: "kohtalainen varmuus", high: "suuri varmuus" },
  },

  justification: {
    codes: {
      "customer-consent": { label: "Asiakas on hyväksynyt tämän" },
      "business-need": { label: "Tätä tarvitaan työssä" },
      "false-positive": { label: "Tämä ei ole arkaluonteista (väärä hälytys)" },
      other: { label: "Muu syy" },
    },
    problems: {
      "unknown-code": "Valitse jokin syistä.",
      "text-required": "Kirjoita lyhyt perustelu.",
      "too-long": "Perustelussa saa olla enintään {max} merkkiä.",
      identifier: "Perustelussa on asiakastietoja ({found}). Poista ne.",
      "email-address": "Poista perustelusta sähköpostiosoite (ja @-merkki).",
      "long-number": "Poista perustelusta pitkä numero (enintään {max} numeroa peräkkäin). Viittaa tikettiin sen nimellä.",
      "masked-value": "Älä kopioi peitettyä arvoa perusteluun.",
    },
  },

  simulator: {
    title: "Mieti ensin — viestin kirjoittamisen simulaattori",
    explanation:
      "Kirjoita viesti kuten Outlookissa ja valitse Lähetä. Oikea apuohjelma tarkistaa sen ja näyttää, mitä Outlook näyttäisi.",
    to: "Vastaanottaja",
    cc: "Kopio",
    bcc: "Piilokopio",
    subject: "Aihe",
    body: "Viesti",
    attachments: "Liitteet",
    dropFiles: "Pudota tiedostot tähän tai valitse ne",
    addCloudFile: "Liitä pilvitiedosto (linkki)",
    cloudFile: "pilvitiedosto, linkki",
    removeFile: "Poista",
    displayLanguage: "Näyttökieli",
    send: "Lähetä",
    sendAnyway: "Lähetä silti",
    dontSend: "Älä lähetä",
    takeAction: "Ryhdy toimiin",
    messageSent: "Viesti lähetetty",
    messageNotSent: "Viestiä ei lähetetty",
    checking: "Tarkistetaan…",
    error: "Jokin meni vikaan: {error}",
  },

  playground: {
    title: "Mieti ensin — käytäntöjen testialusta",
    explanation: "Liitä tai lataa käytäntö, pudota esimerkkitekstiä tai tiedostoja ja katso, mitä apuohjelma päättäisi.",
    policy: "Käytäntö",
    loadPolicy: "Lataa käytäntötiedosto",
    resetPolicy: "Oletuskäytäntö",
    sampleText: "Esimerkkiteksti",
    dropFiles: "Pudota esimerkkitiedostot tähän",
    recipients: "Vastaanottajat",
    findings: "Löydökset",
    noFindings: "Ei löydöksiä",
    decision: "Päätös",
    dialogPreview: "Valintaikkunan esikatselu",
    locale: "Kieli",
    allow: "Salli",
    warn: "Varoita",
    block: "Estä",
    policyError: "Virhe käytännössä: {error}",
    fileError: "Tiedostoa {name} ei voitu lukea: {error}",
    detector: "Tunnistin",
    location: "Sijainti",
    value: "Arvo (peitetty)",
    confidence: "Varmuus",
    rules: "Lauenneet säännöt",
    customerSet: "Asiakasjoukko",
    loadCustomerSet: "Lataa asiakasjoukko (.tfcs) ja sen avain (.key)",
    customerSetLoaded: "{file}: osoitteita {emails}, asiakasnumeroita {numbers} (avain {keyId})",
    customerSetError: "Asiakasjoukkoa ei voitu avata: {error}",
  },
  recipientChecks: {
    advice: {
      "check-lookalike-domain": "Tarkista osoite: tarkoititko {suggestion}?",
      "dont-send-to-personal": "Älä lähetä asiakastietoja henkilökohtaiseen postilaatikkoon ({recipient}).",
      "check-mixed-organizations": "Viesti menee usealle organisaatiolle: yksi voi nähdä toisen tiedot. Lähetä kullekin oma.",
      "check-first-time-recipient": "Et ole kirjoittanut osoitteeseen {recipient} ennen: tarkista, että se on oikea henkilö.",
    },
    replaceDomain: "Vaihda {masked} osoitteeksi {suggestion}",
    resembles: "{masked} muistuttaa verkkotunnusta {domain}",
    personal: "{masked}: henkilökohtainen postilaatikko",
    firstTime: "{masked}: ei aiempia viestejä",
    organizations: "Ulkoiset organisaatiot: {domains}",
  },
} satisfies Messages;
